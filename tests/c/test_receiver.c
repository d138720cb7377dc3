/* The callback receiver through the C ABI: options, start on loopback,
 * deliveries with the library's own sender, next/ack, versions, a second
 * handle on the store, stop, and every argument error. */
#include "check.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef _WIN32
#include <direct.h>
#include <process.h>
#endif

static char dir[260];
static char store[300];

/* A fresh directory for the store: mkdtemp on Unix; on Windows (mingw has
 * no mkdtemp) a name from %TEMP% and the process id. */
static int make_temp_dir(void) {
#ifdef _WIN32
    const char *base = getenv("TEMP");
    int i;
    for (i = 0; i < 100; i++) {
        snprintf(dir, sizeof dir, "%s\\smartbill-receiver-%d-%d", base ? base : ".", _getpid(), i);
        if (_mkdir(dir) == 0) return 1;
    }
    return 0;
#else
    snprintf(dir, sizeof dir, "/tmp/smartbill-receiver-XXXXXX");
    return mkdtemp(dir) != NULL;
#endif
}

static const char *BODY =
    "{\"USER_SBID\":\"erp-user\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"CODE-1\","
    "\"AUTH_TOKEN\":\"TOKEN-1\",\"COM_NAME\":\"(\xec\xa3\xbc)\xec\x8a\xa4\xeb\xa7\x88\xed\x8a\xb8\"}";
static const char *BODY_V2 =
    "{\"USER_SBID\":\"erp-user\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"CODE-1\",\"AUTH_TOKEN\":\"TOKEN-2\"}";

/* POSTs `json` to the receiver's URL with smartbill_http_send_callback;
 * returns the HTTP status (-1 when the call failed). */
static int deliver(const char *url, const char *json) {
    SmartbillHttpOptions *o = NULL;
    SmartbillResponse *r = NULL;
    int32_t status = -1;
    smartbill_http_options_new(&o);
    smartbill_http_options_set(o, "proxy", -1, "off", -1);
    if (smartbill_http_send_callback(url, -1, json, -1, o, 15000, &r) == SMARTBILL_OK) {
        smartbill_response_status(r, &status);
    }
    smartbill_response_free(r);
    smartbill_http_options_free(o);
    return status;
}

static SmartbillReceiverOptions *loopback_options(void) {
    SmartbillReceiverOptions *o = NULL;
    CHECK_STATUS(smartbill_receiver_options_new(&o), "OK", "options");
    CHECK_STATUS(smartbill_receiver_options_set(o, "store", -1, store, -1), "OK", "store");
    CHECK_STATUS(smartbill_receiver_options_set(o, "host", -1, "127.0.0.1", -1), "OK", "host");
    /* A fixed-length field with its padding, as COBOL passes it. */
    CHECK_STATUS(smartbill_receiver_options_set(o, "port", 4, "0   ", 4), "OK", "port");
    CHECK_STATUS(smartbill_receiver_options_set(o, "environment", -1, "http://127.0.0.1:1", -1), "OK", "env");
    CHECK_STATUS(smartbill_receiver_options_set(o, "extra_ips", -1, "127.0.0.1", -1), "OK", "extra_ips");
    return o;
}

static void test_options(void) {
    SmartbillReceiverOptions *o = NULL;
    SmartbillReceiver *r = (SmartbillReceiver *)&o; /* not NULL: must be reset */
    CHECK_STATUS(smartbill_receiver_options_new(&o), "OK", "new");
    CHECK_STATUS(smartbill_receiver_options_set(o, "colour", -1, "red", -1), "INVALID_ARGUMENT", "unknown");
    CHECK(strcmp(last_error_field(), "name") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_receiver_options_set(o, "port", -1, "70000", -1), "INVALID_ARGUMENT", "port");
    CHECK(strcmp(last_error_field(), "port") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_receiver_options_set(o, "host", -1, "localhost", -1), "INVALID_ARGUMENT", "host");
    CHECK_STATUS(smartbill_receiver_options_set(o, "max_bytes", -1, "0", -1), "INVALID_ARGUMENT", "max");
    CHECK_STATUS(smartbill_receiver_options_set(o, "path", -1, "no-slash", -1), "INVALID_ARGUMENT", "path");
    CHECK_STATUS(smartbill_receiver_options_set(o, "extra_ips", -1, "1.2.3.4, nope", -1), "INVALID_ARGUMENT", "ips");
    CHECK_STATUS(smartbill_receiver_options_set(o, "name", -1, "\xff", 1), "INVALID_TEXT", "value not UTF-8");
    CHECK_STATUS(smartbill_receiver_options_set(NULL, "port", -1, "1", -1), "NULL_ARGUMENT", "NULL options");
    /* Store, host and port are required: no default address. */
    CHECK_STATUS(smartbill_receiver_start(o, &r), "INVALID_ARGUMENT", "no store");
    CHECK(r == NULL, "out reset");
    CHECK(strcmp(last_error_field(), "store") == 0, "field %s", last_error_field());
    smartbill_receiver_options_set(o, "store", -1, store, -1);
    CHECK_STATUS(smartbill_receiver_start(o, &r), "INVALID_ARGUMENT", "no host");
    CHECK(strcmp(last_error_field(), "host") == 0, "field %s", last_error_field());
    smartbill_receiver_options_set(o, "host", -1, "127.0.0.1", -1);
    CHECK_STATUS(smartbill_receiver_start(o, &r), "INVALID_ARGUMENT", "no port");
    CHECK(strcmp(last_error_field(), "port") == 0, "field %s", last_error_field());
    smartbill_receiver_options_set(o, "port", -1, "0", -1);
    smartbill_receiver_options_set(o, "tls_cert", -1, "/nonexistent/cert.pem", -1);
    smartbill_receiver_options_set(o, "tls_key", -1, "/nonexistent/key.pem", -1);
    CHECK_STATUS(smartbill_receiver_start(o, &r), "RECEIVER_TLS", "missing certificate");
    CHECK(strcmp(last_error_field(), "tls_cert") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_receiver_start(NULL, &r), "NULL_ARGUMENT", "NULL options");
    CHECK_STATUS(smartbill_receiver_start(o, NULL), "NULL_ARGUMENT", "NULL out");
    CHECK_STATUS(smartbill_receiver_options_new(NULL), "NULL_ARGUMENT", "NULL out");
    smartbill_receiver_options_free(o);
    smartbill_receiver_options_free(NULL);
}

static void test_receive(void) {
    SmartbillReceiverOptions *o = loopback_options();
    SmartbillReceiver *r = NULL, *drain = NULL, *busy = NULL;
    SmartbillRecord *rec = NULL, *rec2 = NULL;
    SmartbillCallback *cb = NULL;
    char url[256], text[512];
    size_t len = 0;
    uint16_t port = 0;
    int64_t number = 0, version = 0, at = 0;
    uint64_t records = 0, pending = 0;

    CHECK_STATUS(smartbill_receiver_start(o, &r), "OK", "start");
    if (!r) return;
    CHECK_STATUS(smartbill_receiver_port(r, &port), "OK", "port");
    CHECK(port > 0, "a free port was chosen: %u", port);
    CHECK_STATUS(smartbill_receiver_url(r, 0, url, sizeof url, &len), "OK", "url");
    snprintf(text, sizeof text, "http://127.0.0.1:%u/smartbill/callback", port);
    CHECK(strcmp(url, text) == 0, "url %s", url);
    CHECK_STATUS(smartbill_receiver_url(r, 0, url, 5, &len), "BUFFER_TOO_SMALL", "small url buffer");

    /* The same port again: in use. */
    snprintf(text, sizeof text, "%u", port);
    smartbill_receiver_options_set(o, "port", -1, text, -1);
    CHECK_STATUS(smartbill_receiver_start(o, &busy), "RECEIVER_BIND", "port in use");
    CHECK(busy == NULL, "no handle");
    smartbill_receiver_options_free(o);
    smartbill_receiver_url(r, 0, url, sizeof url, &len);

    /* Nothing yet: OK with no record. */
    rec = (SmartbillRecord *)&len;
    CHECK_STATUS(smartbill_receiver_next(r, 0, &rec), "OK", "nothing yet");
    CHECK(rec == NULL, "no record");

    CHECK(deliver(url, BODY) == 200, "delivered");
    CHECK(deliver(url, BODY) == 200, "delivered again (harmless)");
    CHECK(deliver(url, "{\"USER_SBID\":\"x\"}") == 400, "missing keys: 400");
    CHECK_STATUS(smartbill_receiver_next(r, 5000, &rec), "OK", "next");
    CHECK(rec != NULL, "a record");
    if (!rec) return;
    CHECK_STATUS(smartbill_record_id(rec, &number, &version), "OK", "id");
    CHECK(number == 1 && version == 1, "id %lld.%lld", (long long)number, (long long)version);
    CHECK_STATUS(smartbill_record_callback(rec, &cb), "OK", "callback");
    CHECK_STATUS(smartbill_callback_get(cb, "AUTH_TOKEN", -1, 0, text, sizeof text, &len), "OK", "token");
    CHECK(strcmp(text, "TOKEN-1") == 0, "token %s", text);
    /* CP949 and padding, for a COBOL PIC X(20). */
    CHECK_STATUS(smartbill_callback_get(cb, "COM_NAME", -1, SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, text, 20, &len),
                 "OK", "name in CP949");
    CHECK(len == 10 && memcmp(text + 10, "          ", 10) == 0, "padded CP949 name, %zu bytes", len);
    smartbill_callback_free(cb);
    CHECK_STATUS(smartbill_record_peer(rec, 0, text, sizeof text, &len), "OK", "peer");
    CHECK(strcmp(text, "127.0.0.1") == 0, "peer %s", text);
    CHECK_STATUS(smartbill_record_received_at(rec, &at), "OK", "received at");
    CHECK(at > 1700000000000LL, "received at %lld", (long long)at);
    CHECK_STATUS(smartbill_record_received_at_text(rec, SMARTBILL_TEXT_PAD, text, 30, &len), "OK", "time text");
    CHECK(len == 24 && text[4] == '-' && text[10] == 'T' && text[23] == 'Z' && text[24] == ' ', "time %.30s", text);
    CHECK_STATUS(smartbill_record_body(rec, text, sizeof text, &len), "OK", "body");
    CHECK(len == strlen(BODY) && memcmp(text, BODY, len) == 0, "raw body");

    /* A new token before the acknowledgement: version 2 comes next. */
    CHECK(deliver(url, BODY_V2) == 200, "new content");
    CHECK_STATUS(smartbill_receiver_ack(r, rec), "OK", "ack version 1");
    smartbill_record_free(rec);
    CHECK_STATUS(smartbill_receiver_next(r, 5000, &rec2), "OK", "next version");
    CHECK(rec2 != NULL, "version 2 pending");
    if (rec2) {
        smartbill_record_id(rec2, &number, &version);
        CHECK(number == 1 && version == 2, "id %lld.%lld", (long long)number, (long long)version);
    }

    /* A second handle on the same store (a batch): it does not get the
     * record this one holds, and has no port. */
    CHECK_STATUS(smartbill_receiver_open_store(store, -1, NULL, &drain), "OK", "open store");
    CHECK_STATUS(smartbill_receiver_next(drain, 0, &rec), "OK", "next on the second handle");
    CHECK(rec == NULL, "the record is leased to the first handle");
    CHECK_STATUS(smartbill_receiver_port(drain, &port), "INVALID_ARGUMENT", "no server");
    CHECK_STATUS(smartbill_receiver_counts(drain, &records, &pending), "OK", "counts");
    CHECK(records == 1 && pending == 1, "counts %llu %llu", (unsigned long long)records, (unsigned long long)pending);
    CHECK_STATUS(smartbill_receiver_ack_id(drain, number, version), "OK", "ack by id from the other handle");
    CHECK_STATUS(smartbill_receiver_ack_id(drain, number, 9), "INVALID_ARGUMENT", "version never stored");
    CHECK_STATUS(smartbill_receiver_ack_id(drain, 77, 1), "RECORD_UNKNOWN", "unknown record");
    CHECK_STATUS(smartbill_receiver_counts(r, NULL, &pending), "OK", "counts");
    CHECK(pending == 0, "nothing pending");
    CHECK_STATUS(smartbill_receiver_stop(drain, 1000), "OK", "stop on a store handle does nothing");
    smartbill_receiver_free(drain);
    smartbill_record_free(rec2);

    /* Stop: the port closes, the store stays readable. */
    CHECK_STATUS(smartbill_receiver_stop(r, 5000), "OK", "stop");
    CHECK_STATUS(smartbill_receiver_stop(r, 5000), "OK", "stop again");
    CHECK(deliver(url, BODY) == -1, "nothing listens after stop");
    CHECK_STATUS(smartbill_receiver_next(r, 0, &rec), "OK", "next after stop");
    CHECK(rec == NULL, "nothing pending");
    smartbill_receiver_free(r);
}

static void test_wrong_source_and_free_without_stop(void) {
    SmartbillReceiverOptions *o = NULL;
    SmartbillReceiver *r = NULL;
    char url[256];
    size_t len = 0;
    smartbill_receiver_options_new(&o);
    smartbill_receiver_options_set(o, "store", -1, store, -1);
    smartbill_receiver_options_set(o, "host", -1, "127.0.0.1", -1);
    smartbill_receiver_options_set(o, "port", -1, "0", -1);
    /* Production: only 183.111.188.210 may deliver. */
    CHECK_STATUS(smartbill_receiver_start(o, &r), "OK", "start");
    smartbill_receiver_options_free(o);
    if (!r) return;
    smartbill_receiver_url(r, 0, url, sizeof url, &len);
    CHECK(deliver(url, BODY) == 403, "loopback is not SmartBill");
    /* Freed while running: told to stop, never waited for. */
    smartbill_receiver_free(r);
}

static void test_null_arguments(void) {
    SmartbillRecord *rec = NULL;
    SmartbillCallback *cb = NULL;
    int64_t n = 0;
    char buf[8];
    size_t len = 0;
    uint16_t port = 0;
    CHECK_STATUS(smartbill_receiver_next(NULL, 0, &rec), "NULL_ARGUMENT", "receiver");
    CHECK_STATUS(smartbill_receiver_ack(NULL, NULL), "NULL_ARGUMENT", "ack");
    CHECK_STATUS(smartbill_receiver_ack_id(NULL, 1, 1), "NULL_ARGUMENT", "ack id");
    CHECK_STATUS(smartbill_receiver_port(NULL, &port), "NULL_ARGUMENT", "port");
    CHECK_STATUS(smartbill_receiver_stop(NULL, 0), "NULL_ARGUMENT", "stop");
    CHECK_STATUS(smartbill_receiver_counts(NULL, NULL, NULL), "NULL_ARGUMENT", "counts");
    CHECK_STATUS(smartbill_record_id(NULL, &n, &n), "NULL_ARGUMENT", "record id");
    CHECK_STATUS(smartbill_record_callback(NULL, &cb), "NULL_ARGUMENT", "record callback");
    CHECK_STATUS(smartbill_record_peer(NULL, 0, buf, sizeof buf, &len), "NULL_ARGUMENT", "peer");
    CHECK_STATUS(smartbill_record_received_at(NULL, &n), "NULL_ARGUMENT", "received at");
    CHECK_STATUS(smartbill_record_body(NULL, buf, sizeof buf, &len), "NULL_ARGUMENT", "body");
    CHECK_STATUS(smartbill_receiver_open_store(NULL, 3, NULL, NULL), "NULL_ARGUMENT", "open store out");
    CHECK_STATUS(smartbill_receiver_open_store("", -1, NULL, (SmartbillReceiver **)&cb), "INVALID_ARGUMENT",
                 "empty store path");
    smartbill_receiver_free(NULL);
    smartbill_record_free(NULL);
}

#ifdef _WIN32
/* Windows leaves the store's protection to its folder's ACL (README); what
 * it refuses is a store on a network share, where SQLite's locks fail. */
static void test_store_protection(void) {
    SmartbillReceiver *r = NULL;
    CHECK_STATUS(smartbill_receiver_open_store("\\\\server\\share\\callbacks.db", -1, NULL, &r),
                 "STORE_NETWORK_PATH", "a UNC path");
    CHECK(strstr(last_error(), "UNC") != NULL, "%s", last_error());
    CHECK(r == NULL, "no handle");
}
#else
static void test_store_protection(void) {
    SmartbillReceiver *r = NULL;
    char shared[300];
    FILE *f;
    snprintf(shared, sizeof shared, "%s/shared.db", dir);
    f = fopen(shared, "w");
    if (f) fclose(f);
    chmod(shared, 0644);
    CHECK_STATUS(smartbill_receiver_open_store(shared, -1, NULL, &r), "STORE", "readable by others");
    CHECK(strstr(last_error(), "chmod 600") != NULL, "%s", last_error());
    CHECK(r == NULL, "no handle");
    unlink(shared);
}
#endif

int main(void) {
    char path[320];
    const char *suffixes[] = {"", "-wal", "-shm"};
    size_t i;
    if (!make_temp_dir()) {
        perror("a temporary directory");
        return 2;
    }
    snprintf(store, sizeof store, "%s/callbacks.db", dir);
    test_options();
    test_receive();
    test_wrong_source_and_free_without_stop();
    test_null_arguments();
    test_store_protection();
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(path, sizeof path, "%s%s", store, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
    return report("test_receiver");
}
