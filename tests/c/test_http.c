/* HTTP through the C ABI, against the local SmartBill stand-in
 * (target/debug/smartbill-signup standin) and a refused port. The test
 * starts the stand-in itself, or uses the one at SMARTBILL_STANDIN_URL
 * (scripts/test-windows.sh: a Linux stand-in serving a program under Wine). */
#include "check.h"
#include <stdio.h>

static FILE *standin;
static char base[128];

static void start_standin(void) {
    char line[256];
    const char *given = getenv("SMARTBILL_STANDIN_URL");
    if (given && *given) {
        snprintf(base, sizeof base, "%s", given);
        return;
    }
    standin = popen("target/debug/smartbill-signup standin --max-requests 20 --idle-exit 60", "r");
    if (!standin || !fgets(line, sizeof line, standin) || sscanf(line, "listening on %127s", base) != 1) {
        fprintf(stderr, "could not start the stand-in (cargo build -p smartbill-signup-cli first)\n");
        exit(2);
    }
}

static void test_options(void) {
    SmartbillHttpOptions *o = NULL;
    CHECK_STATUS(smartbill_http_options_new(&o), "OK", "new");
    CHECK_STATUS(smartbill_http_options_set(o, "proxy", -1, "off", -1), "OK", "proxy off");
    CHECK_STATUS(smartbill_http_options_set(o, "fail_on_status", -1, "maybe", -1), "INVALID_ARGUMENT", "bad bool");
    CHECK(strcmp(last_error_field(), "fail_on_status") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_http_options_set(o, "colour", -1, "red", -1), "INVALID_ARGUMENT", "unknown option");
    CHECK_STATUS(smartbill_http_options_set(o, "proxy_username", -1, "erp", -1), "INVALID_ARGUMENT", "user without proxy");
    CHECK_STATUS(smartbill_http_options_set(o, "max_body_bytes", -1, "-5", -1), "INVALID_ARGUMENT", "negative size");
    CHECK_STATUS(smartbill_http_options_set(NULL, "proxy", -1, "off", -1), "NULL_ARGUMENT", "NULL options");
    CHECK_STATUS(smartbill_http_options_new(NULL), "NULL_ARGUMENT", "NULL out");
    smartbill_http_options_free(o);
    smartbill_http_options_free(NULL);
}

static void test_send_callback(void) {
    const char *json = "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"C\",\"AUTH_TOKEN\":\"T\"}";
    char url[256], body[256], content_type[128];
    SmartbillResponse *r = NULL;
    SmartbillHttpOptions *o = NULL;
    int32_t status = 0;
    uint32_t elapsed = 0;
    size_t len = 0;
    snprintf(url, sizeof url, "%s/erp/callback", base);
    smartbill_http_options_new(&o);
    smartbill_http_options_set(o, "proxy", -1, "off", -1);
    CHECK_STATUS(smartbill_http_send_callback(url, -1, json, -1, o, 5000, &r), "OK", "send");
    CHECK_STATUS(smartbill_response_status(r, &status), "OK", "status");
    CHECK(status == 404, "the stand-in has no /erp/callback: %d", status);
    CHECK_STATUS(smartbill_response_elapsed_ms(r, &elapsed), "OK", "elapsed");
    CHECK(elapsed < 5000, "elapsed %u", elapsed);
    CHECK_STATUS(smartbill_response_body(r, 0, body, sizeof body, &len), "OK", "body");
    CHECK(strcmp(body, "not found") == 0, "body %s", body);
    CHECK_STATUS(smartbill_response_body(r, SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, body, 12, &len), "OK", "padded");
    CHECK(len == 9 && memcmp(body, "not found   ", 12) == 0, "padded body");
    CHECK_STATUS(smartbill_response_body(r, 0, body, 3, &len), "BUFFER_TOO_SMALL", "small");
    CHECK(len == 9, "needed %zu", len);
    CHECK_STATUS(smartbill_response_body(r, 99, body, sizeof body, &len), "INVALID_ARGUMENT", "bad flags");
    CHECK_STATUS(smartbill_response_body_raw(r, body, sizeof body, &len), "OK", "raw");
    CHECK_STATUS(smartbill_response_content_type(r, content_type, sizeof content_type, &len), "OK", "ctype");
    CHECK(strcmp(content_type, "text/plain; charset=utf-8") == 0, "content type %s", content_type);
    smartbill_response_free(r);
    r = NULL;
    /* fail_on_status turns the 404 into an error. */
    smartbill_http_options_set(o, "fail_on_status", -1, "yes", -1);
    CHECK_STATUS(smartbill_http_send_callback(url, -1, json, -1, o, 5000, &r), "HTTP_STATUS", "404 as error");
    CHECK(r == NULL, "no response on error");
    CHECK(strstr(last_error(), "404") != NULL, "%s", last_error());
    smartbill_http_options_free(o);
    /* Argument errors. */
    CHECK_STATUS(smartbill_http_send_callback(url, -1, json, -1, NULL, 0, &r), "INVALID_ARGUMENT", "zero timeout");
    CHECK_STATUS(smartbill_http_send_callback("ftp://x", -1, json, -1, NULL, 1000, &r), "INVALID_ARGUMENT", "scheme");
    CHECK_STATUS(smartbill_http_send_callback(url, -1, json, -1, NULL, 1000, NULL), "NULL_ARGUMENT", "out");
    CHECK_STATUS(smartbill_http_send_callback(NULL, 4, json, -1, NULL, 1000, &r), "NULL_ARGUMENT", "url");
    CHECK_STATUS(smartbill_http_send_callback(url, -1, "\xff", 1, NULL, 1000, &r), "INVALID_TEXT", "json not UTF-8");
    CHECK_STATUS(smartbill_response_status(NULL, &status), "NULL_ARGUMENT", "NULL response");
    smartbill_response_free(NULL);
}

static void test_refused(void) {
    SmartbillResponse *r = NULL;
    /* Port 9 (discard) on loopback: nothing listens here. */
    CHECK_STATUS(smartbill_http_send_callback("http://127.0.0.1:9/cb?token=SECRET", -1, "{}", -1, NULL, 3000, &r),
                 "HTTP_CONNECT", "refused");
    CHECK(strstr(last_error(), "127.0.0.1:9") != NULL, "host in message: %s", last_error());
    CHECK(strstr(last_error(), "SECRET") == NULL, "no query in message: %s", last_error());
}

static void test_probe(void) {
    int32_t http_status = 0;
    uint32_t elapsed = 99999;
    char url[256];
    /* An environment given as a base URL: its signup endpoint is probed. */
    CHECK_STATUS(smartbill_http_probe(base, -1, NULL, 5000, &http_status, &elapsed), "OK", "probe stand-in");
    CHECK(http_status == 200, "status %d", http_status);
    CHECK(elapsed < 5000, "elapsed %u", elapsed);
    CHECK_STATUS(smartbill_http_probe(base, -1, NULL, 5000, NULL, NULL), "OK", "outputs optional");
    /* A base URL with a path prefix (a gateway) gets the action path below it:
     * the stand-in has nothing there. */
    snprintf(url, sizeof url, "%s/health", base);
    CHECK_STATUS(smartbill_http_probe(url, -1, NULL, 5000, &http_status, NULL), "OK", "probe gateway base");
    CHECK(http_status == 404, "status %d", http_status);
    elapsed = 99999;
    CHECK_STATUS(smartbill_http_probe("http://127.0.0.1:9", -1, NULL, 3000, &http_status, &elapsed), "HTTP_CONNECT",
                 "refused");
    CHECK(elapsed < 3000, "elapsed on failure %u", elapsed);
    CHECK_STATUS(smartbill_http_probe("not a target", -1, NULL, 3000, &http_status, NULL), "INVALID_ARGUMENT", "bad");
    CHECK(strcmp(last_error_field(), "environment") == 0, "field %s", last_error_field());
    /* Not an environment: refused, pointing at the URL probe. */
    snprintf(url, sizeof url, "%s/xMain/mb/shar_transfer/info_inpt01.aspx", base);
    CHECK_STATUS(smartbill_http_probe(url, -1, NULL, 3000, &http_status, NULL), "INVALID_ARGUMENT", "full URL");
    CHECK(strstr(last_error(), "probe_url") != NULL, "%s", last_error());
    CHECK_STATUS(smartbill_http_probe(NULL, -1, NULL, 3000, &http_status, NULL), "NULL_ARGUMENT", "NULL target");
}

static void test_probe_url(void) {
    int32_t http_status = 0;
    uint32_t elapsed = 99999;
    char url[256];
    /* Exactly as given: the signup endpoint itself, then a path the stand-in lacks. */
    snprintf(url, sizeof url, "%s/xMain/mb/shar_transfer/info_inpt01.aspx", base);
    CHECK_STATUS(smartbill_http_probe_url(url, -1, NULL, 5000, &http_status, &elapsed), "OK", "full URL");
    CHECK(http_status == 200, "status %d", http_status);
    CHECK(elapsed < 5000, "elapsed %u", elapsed);
    snprintf(url, sizeof url, "%s/health?deep=1", base);
    CHECK_STATUS(smartbill_http_probe_url(url, -1, NULL, 5000, &http_status, NULL), "OK", "health URL");
    CHECK(http_status == 404, "status %d", http_status);
    /* With a length: the rest of the buffer is not part of the URL. */
    snprintf(url, sizeof url, "%s/xMain/mb/shar_transfer/info_inpt01.aspxGARBAGE", base);
    CHECK_STATUS(smartbill_http_probe_url(url, (intptr_t)strlen(url) - 7, NULL, 5000, &http_status, NULL), "OK",
                 "length");
    CHECK(http_status == 200, "status %d", http_status);
    elapsed = 99999;
    CHECK_STATUS(smartbill_http_probe_url("http://127.0.0.1:9/health?token=SECRET", -1, NULL, 3000, &http_status,
                                          &elapsed),
                 "HTTP_CONNECT", "refused");
    CHECK(strstr(last_error(), "127.0.0.1:9") != NULL && strstr(last_error(), "SECRET") == NULL, "%s", last_error());
    CHECK(elapsed < 3000, "elapsed on failure %u", elapsed);
    CHECK_STATUS(smartbill_http_probe_url("demo", -1, NULL, 3000, &http_status, NULL), "INVALID_ARGUMENT",
                 "an environment is not a URL");
    CHECK(strcmp(last_error_field(), "url") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_http_probe_url("ftp://127.0.0.1/", -1, NULL, 3000, NULL, NULL), "INVALID_ARGUMENT", "scheme");
    CHECK_STATUS(smartbill_http_probe_url(url, -1, NULL, 0, NULL, NULL), "INVALID_ARGUMENT", "zero timeout");
    CHECK_STATUS(smartbill_http_probe_url(NULL, -1, NULL, 3000, NULL, NULL), "NULL_ARGUMENT", "NULL url");
}

static void test_submit(void) {
    SmartbillForm *form = NULL;
    SmartbillResponse *r = NULL;
    int32_t http_status = 0;
    char body[8192];
    size_t len = 0;
    CHECK_STATUS(smartbill_form_new(base, -1, &form), "OK", "form on the stand-in");
    /* Invalid form: fails like validate, nothing is sent. */
    CHECK_STATUS(smartbill_http_submit(form, NULL, 5000, &r), "FIELD_REQUIRED", "empty form");
    CHECK(r == NULL, "no response");
    smartbill_form_set(form, "pComRegNo", -1, "124-81-00998", -1);
    smartbill_form_set(form, "pMIGRATIONFLAG", -1, "TEST11", -1);
    smartbill_form_set(form, "pComName", -1, "(\xec\xa3\xbc)\xec\x8a\xa4\xeb\xa7\x88\xed\x8a\xb8 <&>", -1);
    CHECK_STATUS(smartbill_http_submit(form, NULL, 5000, &r), "OK", "submit");
    CHECK_STATUS(smartbill_response_status(r, &http_status), "OK", "status");
    CHECK(http_status == 200, "status %d", http_status);
    CHECK_STATUS(smartbill_response_body(r, 0, body, sizeof body, &len), "OK", "body");
    CHECK(strstr(body, "<td id=\"pComRegNo\">1248100998</td>") != NULL, "regno received");
    CHECK(strstr(body, "(\xec\xa3\xbc)\xec\x8a\xa4\xeb\xa7\x88\xed\x8a\xb8 &lt;&amp;&gt;") != NULL, "name received");
    smartbill_response_free(r);
    r = NULL;
    /* The EUC-KR body arrives as EUC-KR. */
    CHECK_STATUS(smartbill_form_set_option(form, "output_charset", -1, "euc-kr", -1), "OK", "euc-kr");
    CHECK_STATUS(smartbill_http_submit(form, NULL, 5000, &r), "OK", "submit euc-kr");
    CHECK_STATUS(smartbill_response_body(r, 0, body, sizeof body, &len), "OK", "body");
    CHECK(strstr(body, "decoded as EUC-KR") != NULL, "stand-in decoded EUC-KR");
    CHECK(strstr(body, "(\xec\xa3\xbc)\xec\x8a\xa4\xeb\xa7\x88\xed\x8a\xb8 &lt;&amp;&gt;") != NULL, "name received");
    smartbill_response_free(r);
    CHECK_STATUS(smartbill_http_submit(NULL, NULL, 5000, &r), "NULL_ARGUMENT", "NULL form");
    CHECK_STATUS(smartbill_http_submit(form, NULL, 0, &r), "INVALID_ARGUMENT", "zero timeout");
    smartbill_form_free(form);
}

/* `text` with {closed_port} replaced by 9 (the discard port: nothing listens). */
static void with_port(const char *text, char *out, size_t cap) {
    const char *at = strstr(text, "{closed_port}");
    if (!at) {
        snprintf(out, cap, "%s", text);
    } else {
        snprintf(out, cap, "%.*s9%s", (int)(at - text), text, at + strlen("{closed_port}"));
    }
}

static void check_message(const cJSON *c, const char *exact, const char *prefix, const char *note) {
    char want[512];
    if (jstr(c, exact)) {
        with_port(jstr(c, exact), want, sizeof want);
        CHECK(strcmp(last_error(), want) == 0, "message %s\n  want %s (%s)", last_error(), want, note);
    }
    if (jstr(c, prefix)) {
        with_port(jstr(c, prefix), want, sizeof want);
        CHECK(strncmp(last_error(), want, strlen(want)) == 0 && strlen(last_error()) > strlen(want),
              "message %s\n  want it to start with %s (%s)", last_error(), want, note);
    }
}

/* tests/vectors/http.json, in English and in Korean. */
static void test_vector_cases(void) {
    cJSON *v = load_vectors("http.json");
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(v, "probe_url")) {
        const char *note = jstr(c, "note");
        char url[512];
        SmartbillHttpOptions *o = NULL;
        uint32_t timeout = (uint32_t)cJSON_GetObjectItemCaseSensitive(c, "timeout_ms")->valuedouble;
        int pass;
        with_port(jstr(c, "url"), url, sizeof url);
        CHECK_STATUS(smartbill_http_options_new(&o), "OK", "options");
        CHECK_STATUS(smartbill_http_options_set(o, "proxy", -1, jstr(c, "proxy"), -1), "OK", "proxy");
        for (pass = 0; pass < 2; pass++) {
            CHECK_STATUS(smartbill_set_language(pass == 0 ? "en" : "ko", -1), "OK", "language");
            CHECK_STATUS(smartbill_http_probe_url(url, -1, o, timeout, NULL, NULL), jstr(c, "status"), "%s", note);
            CHECK(strcmp(last_error_field(), jstr(c, "field")) == 0, "field %s (%s)", last_error_field(), note);
            if (pass == 0) {
                check_message(c, "message", "message_starts_with", note);
            } else {
                check_message(c, "message_ko", "message_ko_starts_with", note);
            }
        }
        CHECK_STATUS(smartbill_set_language("", -1), "OK", "default language");
        smartbill_http_options_free(o);
    }
    cJSON_Delete(v);
}

int main(void) {
    start_standin();
    test_vector_cases();
    test_options();
    test_send_callback();
    test_refused();
    test_probe();
    test_probe_url();
    test_submit();
    if (standin) pclose(standin);
    return report("test_http");
}
