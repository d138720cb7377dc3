/* The extremes of every numeric argument and option through the C ABI (0,
 * 1 and the type's maximum; issue 10 item 5), and the out-handle rule: every
 * call that hands out a handle sets *out to NULL when it fails (item 7).
 * Talks to the local SmartBill stand-in for the HTTP limits. */
#include "check.h"
#include <stdio.h>

static FILE *standin;
static char base[128];

static void start_standin(void) {
    char line[256];
    standin = popen("target/debug/smartbill-signup standin --max-requests 20 --idle-exit 60", "r");
    if (!standin || !fgets(line, sizeof line, standin) || sscanf(line, "listening on %127s", base) != 1) {
        fprintf(stderr, "could not start the stand-in (cargo build -p smartbill-signup-cli first)\n");
        exit(2);
    }
}

/* Whether `needle` occurs in the first `len` bytes of `hay`. */
static int contains(const char *hay, size_t len, const char *needle) {
    size_t n = strlen(needle), i;
    for (i = 0; i + n <= len; i++) {
        if (memcmp(hay + i, needle, n) == 0) return 1;
    }
    return 0;
}

static SmartbillForm *small_form(void) {
    SmartbillForm *form = NULL;
    CHECK_STATUS(smartbill_form_new(base, -1, &form), "OK", "form on the stand-in");
    smartbill_form_set(form, "pComRegNo", -1, "124-81-00998", -1);
    smartbill_form_set(form, "pMIGRATIONFLAG", -1, "TEST11", -1);
    /* Two UTF-8 bytes, then ASCII: read back below in CP949 (item 1). */
    smartbill_form_set(form, "pComAddress", -1, "Seoul 3\xc2\xb7" "1", -1);
    return form;
}

/* Submits the small form with max_body_bytes = `limit`; returns the status. */
static int32_t submit_with_limit(const char *limit, size_t *body_len) {
    SmartbillForm *form = small_form();
    SmartbillHttpOptions *o = NULL;
    SmartbillResponse *r = NULL;
    int32_t status;
    *body_len = 0;
    CHECK_STATUS(smartbill_http_options_new(&o), "OK", "options");
    CHECK_STATUS(smartbill_http_options_set(o, "proxy", -1, "off", -1), "OK", "proxy off");
    CHECK_STATUS(smartbill_http_options_set(o, "max_body_bytes", -1, limit, -1), "OK", "limit %s", limit);
    status = smartbill_http_submit(form, o, 5000, &r);
    if (status == SMARTBILL_OK) {
        char cp949[16384];
        size_t cp949_len = 0;
        CHECK_STATUS(smartbill_response_body_raw(r, NULL, 0, body_len), "BUFFER_TOO_SMALL", "size");
        /* The page shows "3·1": CP949 output of a two-byte character before ASCII. */
        CHECK_STATUS(smartbill_response_body(r, SMARTBILL_TEXT_CP949, cp949, sizeof cp949, &cp949_len), "OK",
                     "body in CP949");
        CHECK(cp949_len > 0 && contains(cp949, cp949_len, "3\xa1\xa4" "1"), "3\xc2\xb7" "1 in CP949");
    } else {
        CHECK(r == NULL, "no response on failure");
    }
    smartbill_response_free(r);
    smartbill_http_options_free(o);
    smartbill_form_free(form);
    return status;
}

static void test_max_body_bytes(void) {
    char text[64];
    size_t len = 0;
    SmartbillHttpOptions *o = NULL;
    CHECK_STATUS(smartbill_http_options_new(&o), "OK", "options");
    CHECK_STATUS(smartbill_http_options_set(o, "max_body_bytes", -1, "0", -1), "INVALID_ARGUMENT", "0 bytes");
    CHECK(strcmp(last_error_field(), "max_body_bytes") == 0, "field %s", last_error_field());
    /* One more than SIZE_MAX does not fit: refused, not wrapped. */
    snprintf(text, sizeof text, "%zu0", (size_t)SIZE_MAX);
    CHECK_STATUS(smartbill_http_options_set(o, "max_body_bytes", -1, text, -1), "INVALID_ARGUMENT", "%s", text);
    smartbill_http_options_free(o);

    CHECK_STATUS(submit_with_limit("1", &len), "HTTP_TOO_LARGE", "1 byte");
    CHECK(strstr(last_error(), "limit of 1 bytes") != NULL, "%s", last_error());
    snprintf(text, sizeof text, "%zu", (size_t)SIZE_MAX);
    CHECK_STATUS(submit_with_limit(text, &len), "OK", "SIZE_MAX bytes");
    CHECK(len > 100, "SIZE_MAX reads the whole body, not 0 bytes: %zu", len);
    snprintf(text, sizeof text, "%zu", (size_t)SIZE_MAX - 1);
    CHECK_STATUS(submit_with_limit(text, &len), "OK", "SIZE_MAX - 1 bytes");
    CHECK(len > 100, "whole body: %zu", len);
}

static void test_timeouts(void) {
    SmartbillForm *form = small_form();
    SmartbillResponse *r = NULL;
    int32_t status;
    int32_t http_status = 0;
    CHECK_STATUS(smartbill_http_submit(form, NULL, 0, &r), "INVALID_ARGUMENT", "timeout 0");
    CHECK(strcmp(last_error_field(), "timeout_ms") == 0, "field %s", last_error_field());
    /* 1 ms: the stand-in may or may not answer in time; either is a documented status. */
    status = smartbill_http_probe(base, -1, NULL, 1, &http_status, NULL);
    CHECK(status == SMARTBILL_OK || status == SMARTBILL_ERR_HTTP_TIMEOUT, "1 ms: %s",
          smartbill_status_name(status));
    CHECK_STATUS(smartbill_http_submit(form, NULL, UINT32_MAX, &r), "OK", "timeout UINT32_MAX");
    smartbill_response_free(r);
    CHECK_STATUS(smartbill_http_probe(base, -1, NULL, UINT32_MAX, &http_status, NULL), "OK", "probe UINT32_MAX");
    smartbill_form_free(form);
}

static void test_callback_max_bytes(void) {
    const char *body = "{\"USER_SBID\":\"a\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"c\",\"AUTH_TOKEN\":\"t\"}";
    SmartbillCallback *cb = NULL;
    size_t count = 0;
    char name[16];
    size_t len = 0;
    CHECK_STATUS(smartbill_callback_parse(body, -1, 0, &cb), "OK", "0 means the default");
    CHECK_STATUS(smartbill_callback_key_count(cb, &count), "OK", "count");
    CHECK(count == 4, "keys %zu", count);
    CHECK_STATUS(smartbill_callback_key_name(cb, SIZE_MAX, 0, name, sizeof name, &len), "INVALID_ARGUMENT",
                 "index SIZE_MAX");
    CHECK_STATUS(smartbill_callback_key_name(cb, count, 0, name, sizeof name, &len), "INVALID_ARGUMENT", "index count");
    smartbill_callback_free(cb);
    cb = (SmartbillCallback *)&count;
    CHECK_STATUS(smartbill_callback_parse(body, -1, 1, &cb), "CALLBACK_TOO_LARGE", "1 byte");
    CHECK(cb == NULL, "*out is NULL after a failure");
    CHECK_STATUS(smartbill_callback_parse(body, -1, strlen(body), &cb), "OK", "exactly the limit");
    smartbill_callback_free(cb);
    CHECK_STATUS(smartbill_callback_parse(body, -1, strlen(body) - 1, &cb), "CALLBACK_TOO_LARGE", "one over");
    CHECK_STATUS(smartbill_callback_parse(body, -1, SIZE_MAX, &cb), "OK", "SIZE_MAX");
    smartbill_callback_free(cb);
}

static void test_brn_counts(void) {
    int32_t statuses[4] = {-1, -1, -1, -1};
    size_t count = 99;
    CHECK_STATUS(smartbill_brn_check_records(NULL, 0, 0, NULL), "OK", "no records");
    CHECK_STATUS(smartbill_brn_check_records(NULL, SIZE_MAX, 0, NULL), "OK", "no records of width SIZE_MAX");
    CHECK_STATUS(smartbill_brn_check_records("x", SIZE_MAX, 1, statuses), "INVALID_ARGUMENT", "width SIZE_MAX");
    CHECK_STATUS(smartbill_brn_check_records("x", 1, SIZE_MAX, statuses), "INVALID_ARGUMENT", "count SIZE_MAX");
    CHECK_STATUS(smartbill_brn_check_records("x", 2, SIZE_MAX / 2 + 1, statuses), "INVALID_ARGUMENT", "overflow");
    CHECK_STATUS(smartbill_brn_check_records("1248100998", 1, 1, statuses), "OK", "width 1");
    CHECK(statuses[0] == SMARTBILL_ERR_BRN_LENGTH, "one digit: %s", smartbill_status_name(statuses[0]));
    /* A capacity of SIZE_MAX only promises room; two items are written. */
    CHECK_STATUS(smartbill_brn_check_many("1248100998\n1\n", -1, '\n', statuses, SIZE_MAX, &count), "OK", "cap max");
    CHECK(count == 2 && statuses[0] == SMARTBILL_OK && statuses[1] == SMARTBILL_ERR_BRN_LENGTH, "statuses");
    CHECK(statuses[2] == -1, "nothing past the items");
    CHECK_STATUS(smartbill_brn_check_many("1248100998\n1\n", -1, '\n', statuses, 1, &count), "BUFFER_TOO_SMALL",
                 "cap 1");
    CHECK_STATUS(smartbill_brn_check_many(NULL, 0, '\n', NULL, 0, &count), "OK", "empty");
    CHECK(count == 0, "count %zu", count);
}

static void test_field_indexes(void) {
    CHECK(smartbill_form_field_name(SIZE_MAX) == NULL, "name");
    CHECK(smartbill_form_field_max_len(SIZE_MAX) == 0, "max len");
    CHECK(smartbill_form_field_required(SIZE_MAX) == -1, "required");
    CHECK(smartbill_form_field_rule(SIZE_MAX) == NULL, "rule");
    CHECK(smartbill_form_field_name(smartbill_form_field_count()) == NULL, "one past");
    CHECK(strcmp(smartbill_status_name(INT32_MAX), "UNKNOWN") == 0, "status INT32_MAX");
    CHECK(strcmp(smartbill_status_name(INT32_MIN), "UNKNOWN") == 0, "status INT32_MIN");
}

/* Every call that hands out a handle sets *out to NULL when it fails. */
static void test_out_is_null_after_failure(void) {
    int dummy = 0;
    void *junk = &dummy;
    SmartbillForm *form = (SmartbillForm *)junk;
    SmartbillCallback *cb = (SmartbillCallback *)junk;
    SmartbillResponse *r = (SmartbillResponse *)junk;
    SmartbillForm *empty = NULL;
    CHECK_STATUS(smartbill_form_new("nowhere", -1, &form), "INVALID_ARGUMENT", "form_new");
    CHECK(form == NULL, "form_new");
    CHECK_STATUS(smartbill_callback_parse("[]", -1, 0, &cb), "CALLBACK_SHAPE", "callback_parse");
    CHECK(cb == NULL, "callback_parse");
    CHECK_STATUS(smartbill_http_send_callback("ftp://x", -1, "{}", -1, NULL, 1000, &r), "INVALID_ARGUMENT",
                 "send_callback bad URL");
    CHECK(r == NULL, "send_callback leaves no stale pointer");
    r = (SmartbillResponse *)junk;
    CHECK_STATUS(smartbill_http_send_callback("http://127.0.0.1:9/cb", -1, "{}", -1, NULL, 3000, &r), "HTTP_CONNECT",
                 "send_callback refused");
    CHECK(r == NULL, "send_callback after a network failure");
    r = (SmartbillResponse *)junk;
    CHECK_STATUS(smartbill_http_send_callback(NULL, 3, "{}", -1, NULL, 1000, &r), "NULL_ARGUMENT", "NULL url");
    CHECK(r == NULL, "send_callback after a NULL argument");
    CHECK_STATUS(smartbill_form_new("demo", -1, &empty), "OK", "form");
    r = (SmartbillResponse *)junk;
    CHECK_STATUS(smartbill_http_submit(empty, NULL, 1000, &r), "FIELD_REQUIRED", "submit");
    CHECK(r == NULL, "submit");
    smartbill_form_free(empty);
}

int main(void) {
    start_standin();
    test_max_body_bytes();
    test_timeouts();
    test_callback_max_bytes();
    test_brn_counts();
    test_field_indexes();
    test_out_is_null_after_failure();
    pclose(standin);
    return report("test_limits");
}
