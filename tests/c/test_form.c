/* The signup form through the C ABI: the shared vectors, the parameter
 * table, NULLs, buffers, CP949 in and out. */
#include "check.h"

/* Statuses seen from form calls, so the test can prove it met every status
 * this part of the ABI returns. */
static int seen[64];

static int32_t saw(int32_t status) {
    if (status >= 0 && status < 64) seen[status] = 1;
    return status;
}

static int contains(const char *hay, size_t hay_len, const char *needle, size_t needle_len) {
    size_t i;
    if (needle_len == 0) return 1;
    for (i = 0; i + needle_len <= hay_len; i++) {
        if (memcmp(hay + i, needle, needle_len) == 0) return 1;
    }
    return 0;
}

static size_t hex_decode(const char *hex, char *out, size_t cap) {
    size_t n = 0;
    while (hex[0] && hex[1] && n < cap) {
        unsigned int byte;
        sscanf(hex, "%2x", &byte);
        out[n++] = (char)byte;
        hex += 2;
    }
    return n;
}

/* The page or body of `form` in a buffer the caller frees, after asking for
 * the size first (convention 4). Returns NULL when the call fails. */
typedef int32_t (*output_fn)(const SmartbillForm *, char *, size_t, size_t *);

static char *output(output_fn fn, const SmartbillForm *form, size_t *len, const char *note) {
    char *buf;
    int32_t st = saw(fn(form, NULL, 0, len));
    if (st != SMARTBILL_ERR_BUFFER_TOO_SMALL) return NULL;
    buf = (char *)malloc(*len + 1);
    CHECK_STATUS(saw(fn(form, buf, *len + 1, len)), "OK", "%s", note);
    CHECK(buf[*len] == 0, "NUL-terminated (%s)", note);
    return buf;
}

/* smartbill_form_set and smartbill_form_set_utf8 take the same arguments. */
typedef int32_t (*set_fn)(SmartbillForm *, const char *, ptrdiff_t, const char *, ptrdiff_t);

/* Runs a case's steps on a new form: text values (`input`) through
 * `set_text`, raw bytes (`input_hex`) through smartbill_form_set. */
static SmartbillForm *run_steps(const cJSON *c, const char *note, set_fn set_text) {
    const char *env = jstr(c, "environment");
    const cJSON *step;
    SmartbillForm *form = NULL;
    CHECK_STATUS(saw(smartbill_form_new(env ? env : "demo", -1, &form)), "OK", "%s", note);
    cJSON_ArrayForEach(step, cJSON_GetObjectItemCaseSensitive(c, "steps")) {
        char unit[1024];
        size_t unit_len = case_input(step, unit, sizeof unit);
        const cJSON *repeat = cJSON_GetObjectItemCaseSensitive(step, "repeat");
        int times = cJSON_IsNumber(repeat) ? repeat->valueint : 1;
        char *value = (char *)malloc(unit_len * (size_t)times + 1);
        size_t value_len = 0;
        const char *want = jstr(step, "status") ? jstr(step, "status") : "OK";
        const char *set = jstr(step, "set");
        int i;
        for (i = 0; i < times; i++) {
            memcpy(value + value_len, unit, unit_len);
            value_len += unit_len;
        }
        if (set) {
            set_fn set_value = jstr(step, "input_hex") ? smartbill_form_set : set_text;
            CHECK_STATUS(saw(set_value(form, set, -1, value, (ptrdiff_t)value_len)), want, "set %s (%s)", set, note);
        } else {
            CHECK_STATUS(saw(smartbill_form_set_option(form, jstr(step, "option"), -1, value, (ptrdiff_t)value_len)),
                         want, "option %s (%s)", jstr(step, "option"), note);
        }
        free(value);
    }
    return form;
}

static void check_page(const cJSON *c, const char *page, size_t len, const char *note) {
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(c, "html_contains")) {
        CHECK(contains(page, len, item->valuestring, strlen(item->valuestring)), "page lacks %s (%s)",
              item->valuestring, note);
    }
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(c, "html_excludes")) {
        CHECK(!contains(page, len, item->valuestring, strlen(item->valuestring)), "page has %s (%s)",
              item->valuestring, note);
    }
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(c, "html_contains_hex")) {
        char want[512];
        size_t n = hex_decode(item->valuestring, want, sizeof want);
        CHECK(contains(page, len, want, n), "page bytes lack %s (%s)", item->valuestring, note);
    }
}

static const cJSON *g_personal_fields;

/* When the failing parameter is personal data, the message never quotes a
 * value (3 characters or more, trimmed of spaces) it was set to. */
static void check_no_personal_value(const cJSON *c, const char *note) {
    const char *field = jstr(c, "field");
    const cJSON *item;
    const cJSON *step;
    int personal = 0;
    cJSON_ArrayForEach(item, g_personal_fields) personal |= strcmp(item->valuestring, field) == 0;
    if (!personal) return;
    cJSON_ArrayForEach(step, cJSON_GetObjectItemCaseSensitive(c, "steps")) {
        const char *set = jstr(step, "set");
        const char *input = jstr(step, "input");
        char value[256];
        size_t start = 0;
        size_t end;
        if (!set || !input || strcmp(set, field) != 0) continue;
        end = strlen(input);
        while (start < end && input[start] == ' ') start++;
        while (end > start && input[end - 1] == ' ') end--;
        if (end - start < 3 || end - start >= sizeof value) continue;
        memcpy(value, input + start, end - start);
        value[end - start] = 0;
        CHECK(strstr(last_error(), value) == NULL, "message quotes personal data: %s (%s)", last_error(), note);
    }
}

/* Whether a case sets input_charset (then text and bytes differ). */
static int sets_input_charset(const cJSON *c) {
    const cJSON *step;
    cJSON_ArrayForEach(step, cJSON_GetObjectItemCaseSensitive(c, "steps")) {
        const char *option = jstr(step, "option");
        if (option && strcmp(option, "input_charset") == 0) return 1;
    }
    return 0;
}

static void test_cases(const cJSON *cases) {
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        const char *note = jstr(c, "note");
        const char *status = jstr(c, "status");
        SmartbillForm *form;
        if (!sets_input_charset(c)) {
            /* In a UTF-8 form, text through smartbill_form_set is the same. */
            form = run_steps(c, note, smartbill_form_set);
            CHECK_STATUS(saw(smartbill_form_validate(form)), status, "validate, text through form_set: %s", note);
            smartbill_form_free(form);
        }
        form = run_steps(c, note, smartbill_form_set_utf8);
        size_t len = 99;
        CHECK_STATUS(saw(smartbill_form_validate(form)), status, "validate: %s", note);
        if (strcmp(status, "OK") != 0) {
            const cJSON *part;
            CHECK(strcmp(last_error_field(), jstr(c, "field")) == 0, "field %s, want %s (%s)", last_error_field(),
                  jstr(c, "field"), note);
            cJSON_ArrayForEach(part, cJSON_GetObjectItemCaseSensitive(c, "message_contains")) {
                CHECK(strstr(last_error(), part->valuestring) != NULL, "message %s lacks %s", last_error(),
                      part->valuestring);
            }
            check_no_personal_value(c, note);
            CHECK_KOREAN(c, smartbill_form_validate(form), note);
            CHECK_STATUS(saw(smartbill_form_html(form, NULL, 0, &len)), status, "html: %s", note);
            CHECK(len == 0, "html out_len %zu on failure (%s)", len, note);
            CHECK(strcmp(last_error_field(), jstr(c, "field")) == 0, "html field %s (%s)", last_error_field(), note);
            len = 99;
            CHECK_STATUS(saw(smartbill_form_urlencoded(form, NULL, 0, &len)), status, "urlencoded: %s", note);
            CHECK(len == 0, "urlencoded out_len %zu on failure (%s)", len, note);
        } else {
            char *body = output(smartbill_form_urlencoded, form, &len, note);
            char *page;
            CHECK(body != NULL && strcmp(body, jstr(c, "urlencoded")) == 0, "body %s\n  want %s (%s)",
                  body ? body : "(failed)", jstr(c, "urlencoded"), note);
            free(body);
            page = output(smartbill_form_html, form, &len, note);
            CHECK(page != NULL, "page (%s)", note);
            if (page) check_page(c, page, len, note);
            free(page);
        }
        smartbill_form_free(form);
    }
}

static void test_environments(const cJSON *environments) {
    const cJSON *e;
    cJSON_ArrayForEach(e, environments) {
        const char *input = jstr(e, "environment");
        const char *status = jstr(e, "status");
        SmartbillForm *form = (SmartbillForm *)&seen; /* not NULL: must be reset on failure */
        CHECK_STATUS(saw(smartbill_form_new(input, (ptrdiff_t)strlen(input), &form)), status, "%s", input);
        if (strcmp(status, "OK") == 0) {
            char url[256];
            size_t len = 0;
            CHECK_STATUS(smartbill_form_action_url(form, url, sizeof url, &len), "OK", "%s", input);
            CHECK(strcmp(url, jstr(e, "action_url")) == 0, "action %s, want %s", url, jstr(e, "action_url"));
        } else {
            CHECK(form == NULL, "*out is NULL after a failure (%s)", input);
            CHECK(strcmp(last_error_field(), "environment") == 0, "field %s", last_error_field());
        }
        smartbill_form_free(form);
    }
}

/* Wrappers read the parameter list from the library; so does this test. */
static void test_field_table(void) {
    size_t n = smartbill_form_field_count();
    size_t i;
    int required = 0;
    SmartbillForm *form = NULL;
    CHECK(n == 15, "15 parameters, got %zu", n);
    CHECK(strcmp(smartbill_form_field_name(0), "pComRegNo") == 0, "first");
    CHECK(strcmp(smartbill_form_field_name(14), "pID") == 0, "last");
    CHECK(smartbill_form_field_max_len(1) == 200, "pComName limit");
    CHECK(strcmp(smartbill_form_field_rule(0), "business_number") == 0, "rule");
    CHECK(smartbill_form_field_name(n) == NULL && smartbill_form_field_rule(n) == NULL, "out of range");
    CHECK(smartbill_form_field_max_len(n) == 0 && smartbill_form_field_required(n) == -1, "out of range");
    smartbill_form_new("demo", -1, &form);
    for (i = 0; i < n; i++) {
        const char *name = smartbill_form_field_name(i);
        required += smartbill_form_field_required(i);
        CHECK(smartbill_form_field_max_len(i) > 0, "%s limit", name);
        /* Every listed name is one the form accepts. */
        CHECK_STATUS(smartbill_form_set(form, name, -1, "", 0), "OK", "%s", name);
    }
    CHECK(required == 2, "two required parameters, got %d", required);
    smartbill_form_free(form);
}

static SmartbillForm *valid_form(void) {
    SmartbillForm *form = NULL;
    smartbill_form_new("demo", -1, &form);
    smartbill_form_set(form, "pComRegNo", -1, "124-81-00998", -1);
    smartbill_form_set(form, "pMIGRATIONFLAG", -1, "TEST11", -1);
    return form;
}

static void test_null_arguments(void) {
    SmartbillForm *form = valid_form();
    SmartbillForm *out = NULL;
    char buf[16];
    size_t len = 0;
    CHECK_STATUS(saw(smartbill_form_new(NULL, -1, &out)), "NULL_ARGUMENT", "environment");
    CHECK(out == NULL, "out stays NULL");
    CHECK_STATUS(saw(smartbill_form_new("demo", -1, NULL)), "NULL_ARGUMENT", "out");
    CHECK(strcmp(last_error_field(), "out") == 0, "field %s", last_error_field());
    CHECK_STATUS(saw(smartbill_form_set(NULL, "pComName", -1, "x", -1)), "NULL_ARGUMENT", "form");
    CHECK(strcmp(last_error_field(), "form") == 0, "field %s", last_error_field());
    CHECK_STATUS(saw(smartbill_form_set(form, NULL, 9, "x", -1)), "NULL_ARGUMENT", "name");
    CHECK_STATUS(saw(smartbill_form_set(form, "pComName", -1, NULL, 3)), "NULL_ARGUMENT", "value");
    /* NULL with length 0 is the empty value: it clears the parameter. */
    CHECK_STATUS(saw(smartbill_form_set(form, "pComName", -1, NULL, 0)), "OK", "empty value");
    CHECK_STATUS(saw(smartbill_form_set_option(NULL, "target", -1, "_self", -1)), "NULL_ARGUMENT", "form");
    CHECK_STATUS(saw(smartbill_form_set_option(form, "target", -1, NULL, -1)), "NULL_ARGUMENT", "value");
    CHECK_STATUS(saw(smartbill_form_validate(NULL)), "NULL_ARGUMENT", "validate");
    CHECK_STATUS(saw(smartbill_form_html(NULL, buf, sizeof buf, &len)), "NULL_ARGUMENT", "html form");
    CHECK_STATUS(saw(smartbill_form_html(form, buf, sizeof buf, NULL)), "NULL_ARGUMENT", "html out_len");
    CHECK_STATUS(saw(smartbill_form_html(form, NULL, 4096, &len)), "NULL_ARGUMENT", "html buf");
    CHECK_STATUS(saw(smartbill_form_urlencoded(NULL, buf, sizeof buf, &len)), "NULL_ARGUMENT", "body form");
    CHECK_STATUS(saw(smartbill_form_urlencoded(form, buf, sizeof buf, NULL)), "NULL_ARGUMENT", "body out_len");
    CHECK_STATUS(saw(smartbill_form_action_url(NULL, buf, sizeof buf, &len)), "NULL_ARGUMENT", "action form");
    /* Every failed set is remembered, a NULL name or value included (a NULL
     * form has nothing to remember it): the form refuses to validate. */
    CHECK_STATUS(smartbill_form_validate(form), "NULL_ARGUMENT", "failed sets are remembered");
    smartbill_form_free(form);
    smartbill_form_free(NULL);
}

static void test_buffers(void) {
    SmartbillForm *form = valid_form();
    const char *body = "pComRegNo=1248100998&pMIGRATIONFLAG=TEST11";
    size_t body_len = strlen(body);
    char buf[64];
    size_t len = 0;
    char *page;
    size_t page_len = 0;
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(saw(smartbill_form_urlencoded(form, buf, body_len - 1, &len)), "BUFFER_TOO_SMALL", "one short");
    CHECK(len == body_len && buf[0] == 'x', "needed %zu, nothing written", len);
    CHECK_STATUS(smartbill_form_urlencoded(form, buf, body_len, &len), "OK", "exact");
    CHECK(memcmp(buf, body, body_len) == 0 && buf[body_len] == 'x', "exact size: no NUL");
    CHECK_STATUS(smartbill_form_urlencoded(form, buf, sizeof buf, &len), "OK", "room");
    CHECK(strcmp(buf, body) == 0, "NUL-terminated %s", buf);

    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(smartbill_form_html(form, buf, sizeof buf, &page_len), "BUFFER_TOO_SMALL", "page in 64 bytes");
    CHECK(page_len > 500 && buf[0] == 'x', "page needs %zu, nothing written", page_len);
    page = (char *)malloc(page_len);
    CHECK_STATUS(smartbill_form_html(form, page, page_len, &len), "OK", "page exact");
    CHECK(len == page_len && memcmp(page, "<!DOCTYPE html>", 15) == 0, "page starts as a document");
    free(page);
    smartbill_form_free(form);
}

/* A COBOL-style caller: CP949 values in space-padded PIC X fields, CP949 out. */
static void test_cp949_in_and_out(void) {
    SmartbillForm *form = valid_form();
    /* "회사" in CP949, in a PIC X(10) field. */
    const char company[10] = {'\xc8', '\xb8', '\xbb', '\xe7', ' ', ' ', ' ', ' ', ' ', ' '};
    const char *cp949 = "\xc8\xb8\xbb\xe7";
    char body[256];
    size_t len = 0;
    char *page;
    CHECK_STATUS(smartbill_form_set_option(form, "input_charset", -1, "euc-kr", -1), "OK", "input");
    CHECK_STATUS(smartbill_form_set_option(form, "output_charset", -1, "euc-kr", -1), "OK", "output");
    CHECK_STATUS(smartbill_form_set(form, "pComName", -1, company, sizeof company), "OK", "CP949 value");
    CHECK_STATUS(smartbill_form_urlencoded(form, body, sizeof body, &len), "OK", "body");
    CHECK(strcmp(body, "pComRegNo=1248100998&pComName=%C8%B8%BB%E7&pMIGRATIONFLAG=TEST11") == 0, "%s", body);
    page = output(smartbill_form_html, form, &len, "CP949 page");
    CHECK(page && contains(page, len, cp949, 4), "page holds CP949 bytes");
    CHECK(page && contains(page, len, "charset=EUC-KR", 14), "page declares EUC-KR");
    CHECK(page && !contains(page, len, "\xed\x9a\x8c", 3), "no UTF-8 in the page");
    free(page);

    /* A lone lead byte, then bytes that are UTF-8 but not CP949 text. */
    CHECK_STATUS(saw(smartbill_form_set(form, "pComName", -1, "\xc8", 1)), "INVALID_TEXT", "lone lead byte");
    CHECK(strcmp(last_error_field(), "pComName") == 0, "field %s", last_error_field());
    CHECK(strstr(last_error(), "CP949") != NULL, "%s", last_error());
    CHECK_STATUS(smartbill_form_validate(form), "INVALID_TEXT", "remembered");
    CHECK_STATUS(smartbill_form_set(form, "pComName", -1, cp949, 4), "OK", "set again");
    CHECK_STATUS(smartbill_form_validate(form), "OK", "made right");
    smartbill_form_free(form);
}

/* Text from a language with Unicode strings: UTF-8 whatever input_charset
 * says, while bytes follow the option. */
static void test_set_utf8(void) {
    SmartbillForm *form = valid_form();
    char body[256];
    size_t len = 0;
    SmartbillForm *other = valid_form();
    CHECK_STATUS(saw(smartbill_form_set_utf8(NULL, "pComName", -1, "x", -1)), "NULL_ARGUMENT", "form");
    /* Every failure of a set is remembered, as for smartbill_form_set. */
    CHECK_STATUS(saw(smartbill_form_set_utf8(other, NULL, 3, "x", -1)), "NULL_ARGUMENT", "name");
    CHECK_STATUS(smartbill_form_validate(other), "NULL_ARGUMENT", "a NULL name is remembered");
    smartbill_form_free(other);
    other = valid_form();
    CHECK_STATUS(saw(smartbill_form_set_utf8(other, "pComName", -1, NULL, 2)), "NULL_ARGUMENT", "value");
    CHECK_STATUS(smartbill_form_validate(other), "NULL_ARGUMENT", "a NULL value is remembered");
    CHECK_STATUS(smartbill_form_set_utf8(other, "pComName", -1, "x", -1), "OK", "set again");
    CHECK_STATUS(smartbill_form_validate(other), "OK", "made right");
    smartbill_form_free(other);
    CHECK_STATUS(smartbill_form_set_option(form, "input_charset", -1, "euc-kr", -1), "OK", "euc-kr");

    /* "Café": text CP949 cannot hold; the same bytes as CP949 are "Caf챕". */
    CHECK_STATUS(saw(smartbill_form_set_utf8(form, "pComName", -1, "Caf\xc3\xa9", -1)), "FIELD_UNENCODABLE", "Café");
    CHECK(strcmp(last_error_field(), "pComName") == 0, "field %s", last_error_field());
    CHECK(strstr(last_error(), "U+00E9") != NULL, "%s", last_error());
    CHECK_STATUS(smartbill_form_validate(form), "FIELD_UNENCODABLE", "remembered");
    CHECK_STATUS(smartbill_form_set(form, "pComName", -1, "Caf\xc3\xa9", -1), "OK", "bytes in CP949");
    CHECK_STATUS(smartbill_form_urlencoded(form, body, sizeof body, &len), "OK", "body");
    CHECK(strstr(body, "pComName=Caf%EC%B1%95") != NULL, "%s", body);

    /* Korean text in UTF-8, padded as a fixed field, beside CP949 bytes. */
    CHECK_STATUS(smartbill_form_set_utf8(form, " pComPresident ", -1, "\xed\x99\x8d\xea\xb8\xb8\xeb\x8f\x99  ", -1),
                 "OK", "홍길동");
    CHECK_STATUS(smartbill_form_set(form, "pMemName", -1, "\xb1\xe8\xc3\xb6\xbc\xf6", 6), "OK", "김철수 in CP949");
    CHECK_STATUS(smartbill_form_urlencoded(form, body, sizeof body, &len), "OK", "body");
    CHECK(strstr(body, "pComPresident=%ED%99%8D%EA%B8%B8%EB%8F%99") != NULL, "%s", body);
    CHECK(strstr(body, "pMemName=%EA%B9%80%EC%B2%A0%EC%88%98") != NULL, "%s", body);

    /* CP949 bytes are not UTF-8: refused and remembered until made right. */
    CHECK_STATUS(saw(smartbill_form_set_utf8(form, "pComName", -1, "\xc8\xb8\xbb\xe7", 4)), "INVALID_TEXT", "CP949");
    CHECK(strcmp(last_error_field(), "pComName") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_form_validate(form), "INVALID_TEXT", "remembered");
    CHECK_STATUS(smartbill_form_set_utf8(form, "pComName", -1, "\xed\x9a\x8c\xec\x82\xac", -1), "OK", "회사");
    CHECK_STATUS(smartbill_form_validate(form), "OK", "made right");
    CHECK_STATUS(saw(smartbill_form_set_utf8(form, "pNope", -1, "x", -1)), "INVALID_ARGUMENT", "unknown name");
    CHECK_STATUS(smartbill_form_validate(form), "INVALID_ARGUMENT", "an unknown name is remembered");
    smartbill_form_free(form);
}

static void test_refusals(void) {
    SmartbillForm *form = valid_form();
    CHECK_STATUS(saw(smartbill_form_set_option(form, "colour", -1, "blue", -1)), "INVALID_ARGUMENT", "option");
    CHECK(strcmp(last_error_field(), "colour") == 0, "field %s", last_error_field());
    CHECK(strstr(last_error(), "auto_submit") != NULL, "lists the options: %s", last_error());
    CHECK_STATUS(smartbill_form_validate(form), "INVALID_ARGUMENT", "an unknown option is remembered");
    smartbill_form_free(form);

    form = valid_form();
    CHECK_STATUS(saw(smartbill_form_set(form, "pComName", -1, "\xf0\x9f\x98\x80", -1)), "FIELD_UNENCODABLE", "emoji");
    CHECK(strstr(last_error(), "U+1F600") != NULL, "%s", last_error());
    CHECK_STATUS(smartbill_form_set(form, "pComName", -1, "   ", -1), "OK", "cleared");
    CHECK_STATUS(smartbill_form_validate(form), "OK", "a blank value makes it right");
    smartbill_form_free(form);
}

static void test_every_status_seen(void) {
    const int32_t statuses[] = {
        SMARTBILL_OK, SMARTBILL_ERR_NULL_ARGUMENT, SMARTBILL_ERR_INVALID_ARGUMENT, SMARTBILL_ERR_BUFFER_TOO_SMALL,
        SMARTBILL_ERR_INVALID_TEXT, SMARTBILL_ERR_FIELD_REQUIRED, SMARTBILL_ERR_FIELD_TOO_LONG,
        SMARTBILL_ERR_FIELD_FORMAT, SMARTBILL_ERR_FIELD_UNENCODABLE,
    };
    size_t i;
    for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        CHECK(seen[statuses[i]], "no form call returned %s", smartbill_status_name(statuses[i]));
    }
}

int main(void) {
    cJSON *v = load_vectors("form.json");
    g_personal_fields = cJSON_GetObjectItemCaseSensitive(v, "personal_fields");
    test_cases(cJSON_GetObjectItemCaseSensitive(v, "cases"));
    test_environments(cJSON_GetObjectItemCaseSensitive(v, "environments"));
    cJSON_Delete(v);
    test_field_table();
    test_null_arguments();
    test_buffers();
    test_cp949_in_and_out();
    test_set_utf8();
    test_refusals();
    test_every_status_seen();
    return report("test_form");
}
