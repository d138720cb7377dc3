/* The shared callback vectors through the C ABI, plus NULLs, buffers, CP949
 * output with padding, and the source-address check. */
#include "check.h"

static const cJSON *g_secrets;
static const cJSON *g_personal;

/* A case's body: input, input_hex, or input_repeat (head + unit * count +
 * tail), in a malloc'd buffer the caller frees. */
static char *case_body(const cJSON *c, size_t *len) {
    const cJSON *rep = cJSON_GetObjectItemCaseSensitive(c, "input_repeat");
    char *body;
    if (rep) {
        const char *head = jstr(rep, "head");
        const char *unit = jstr(rep, "unit");
        const char *tail = jstr(rep, "tail");
        size_t count = (size_t)cJSON_GetObjectItemCaseSensitive(rep, "count")->valuedouble;
        size_t i;
        size_t n = strlen(head) + strlen(unit) * count + strlen(tail);
        char *p = body = (char *)malloc(n + 1);
        memcpy(p, head, strlen(head));
        p += strlen(head);
        for (i = 0; i < count; i++) {
            memcpy(p, unit, strlen(unit));
            p += strlen(unit);
        }
        memcpy(p, tail, strlen(tail) + 1);
        *len = n;
        return body;
    }
    {
        const char *hex = jstr(c, "input_hex");
        size_t cap = hex ? strlen(hex) / 2 + 1 : strlen(jstr(c, "input")) + 1;
        body = (char *)malloc(cap);
        *len = case_input(c, body, cap);
        return body;
    }
}

/* Fails the check if `text` shows a secret or any 8 characters in a row of one. */
static void check_no_secret(const char *text, const char *context) {
    const cJSON *s;
    cJSON_ArrayForEach(s, g_secrets) {
        const char *secret = s->valuestring;
        size_t i;
        for (i = 0; i + 8 <= strlen(secret); i++) {
            char window[9];
            memcpy(window, secret + i, 8);
            window[8] = 0;
            CHECK(strstr(text, window) == NULL, "%s: message shows part of a secret: %s", context, text);
        }
    }
}

/* Fails the check if `text` shows a personal value of the vectors. */
static void check_no_personal(const char *text, const char *context) {
    const cJSON *p;
    cJSON_ArrayForEach(p, g_personal) {
        CHECK(strstr(text, p->valuestring) == NULL, "%s: message shows personal data: %s", context, text);
    }
}

static void to_hex(const char *bytes, size_t n, char *out) {
    size_t i;
    for (i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", (unsigned char)bytes[i]);
    out[2 * n] = 0;
}

static void check_accepted(const cJSON *c, const SmartbillCallback *cb, const char *name) {
    char buf[512];
    size_t len = 0;
    int32_t flag = -1;
    const cJSON *item;
    size_t count = 0;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(c, "fields")) {
        CHECK_STATUS(smartbill_callback_get(cb, item->string, -1, 0, buf, sizeof buf, &len), "OK", "%s: %s", name, item->string);
        CHECK(strcmp(buf, item->valuestring) == 0 && len == strlen(item->valuestring), "%s: %s = %s", name, item->string, buf);
        CHECK_STATUS(smartbill_callback_has(cb, item->string, -1, 0, &flag), "OK", "%s", name);
        CHECK(flag == 1, "%s: has %s", name, item->string);
    }
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(c, "absent")) {
        /* Absent is not an error: empty text, and has() says 0. */
        CHECK_STATUS(smartbill_callback_get(cb, item->valuestring, -1, 0, buf, sizeof buf, &len), "OK", "%s", name);
        CHECK(len == 0 && buf[0] == 0, "%s: %s should be empty", name, item->valuestring);
        CHECK_STATUS(smartbill_callback_has(cb, item->valuestring, -1, 0, &flag), "OK", "%s", name);
        CHECK(flag == 0, "%s: %s should be absent", name, item->valuestring);
    }
    item = cJSON_GetObjectItemCaseSensitive(c, "keys");
    CHECK_STATUS(smartbill_callback_key_count(cb, &count), "OK", "%s", name);
    if (item) {
        size_t i;
        CHECK((int)count == cJSON_GetArraySize(item), "%s: %zu keys", name, count);
        for (i = 0; i < count && (int)i < cJSON_GetArraySize(item); i++) {
            CHECK_STATUS(smartbill_callback_key_name(cb, i, 0, buf, sizeof buf, &len), "OK", "%s", name);
            CHECK(strcmp(buf, cJSON_GetArrayItem(item, (int)i)->valuestring) == 0, "%s: key %zu is %s", name, i, buf);
        }
    }
    CHECK_STATUS(smartbill_callback_key_name(cb, count, 0, buf, sizeof buf, &len), "INVALID_ARGUMENT", "%s", name);
    CHECK_STATUS(smartbill_callback_com_regno_valid(cb, &flag), "OK", "%s", name);
    CHECK(flag == cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "com_regno_valid")), "%s: com_regno_valid %d", name, flag);
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(c, "cp949")) {
        int32_t st = smartbill_callback_get(cb, item->string, -1, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len);
        if (strcmp(item->valuestring, "UNENCODABLE") == 0) {
            CHECK(st == SMARTBILL_ERR_UNENCODABLE, "%s: %s in CP949 gave %s", name, item->string, smartbill_status_name(st));
            CHECK(strcmp(last_error_field(), item->string) == 0, "%s: field %s", name, last_error_field());
        } else {
            char hex[1100];
            CHECK(st == SMARTBILL_OK, "%s: %s in CP949 gave %s", name, item->string, smartbill_status_name(st));
            to_hex(buf, len, hex);
            CHECK(strcmp(hex, item->valuestring) == 0, "%s: %s in CP949 is %s", name, item->string, hex);
        }
    }
}

static void test_parse_cases(const cJSON *v) {
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(v, "parse")) {
        const char *name = jstr(c, "name");
        const char *status = jstr(c, "status");
        const cJSON *max = cJSON_GetObjectItemCaseSensitive(c, "max_bytes");
        size_t len = 0;
        char *body = case_body(c, &len);
        static int dummy;
        SmartbillCallback *cb = (SmartbillCallback *)(void *)&dummy;
        CHECK_STATUS(smartbill_callback_parse(body, (ptrdiff_t)len, max ? (size_t)max->valuedouble : 0, &cb), status, "%s", name);
        if (strcmp(status, "OK") == 0) {
            CHECK(cb != NULL && cb != (SmartbillCallback *)(void *)&dummy, "%s: handle", name);
            if (cb && cb != (SmartbillCallback *)(void *)&dummy) check_accepted(c, cb, name);
        } else {
            const cJSON *part;
            CHECK(cb == NULL, "%s: *out must be NULL on failure", name);
            CHECK(strcmp(last_error_field(), jstr(c, "field")) == 0, "%s: field %s", name, last_error_field());
            cJSON_ArrayForEach(part, cJSON_GetObjectItemCaseSensitive(c, "message_contains")) {
                CHECK(strstr(last_error(), part->valuestring) != NULL, "%s: message %s lacks %s", name, last_error(),
                      part->valuestring);
            }
            check_no_secret(last_error(), name);
            check_no_personal(last_error(), name);
            cb = NULL;
            CHECK_KOREAN(c, smartbill_callback_parse(body, (ptrdiff_t)len, max ? (size_t)max->valuedouble : 0, &cb), name);
            check_no_secret(last_error(), name);
        }
        smartbill_callback_free(cb);
        free(body);
    }
}

static void test_source_cases(const cJSON *v) {
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(v, "source")) {
        const char *note = jstr(c, "note");
        int32_t allowed = -1;
        CHECK_STATUS(smartbill_callback_source_allowed(jstr(c, "environment"), -1, jstr(c, "ip"), -1, jstr(c, "extra_ips"), -1,
                                                       &allowed),
                     jstr(c, "status"), "%s", note);
        CHECK(allowed == cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "allowed")), "%s: allowed %d", note, allowed);
    }
}

/* What the library says of each key name: wrappers hide SECRET and
 * PERSONAL values in their default string forms. */
static void test_key_flags(const cJSON *v) {
    const cJSON *c;
    uint32_t flags = 99;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(v, "key_flags")) {
        const char *key = jstr(c, "key");
        const char *sensitivity = jstr(c, "sensitivity");
        uint32_t want = 0;
        size_t i;
        int ascii = 1;
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "known"))) want |= SMARTBILL_KEY_KNOWN;
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "required"))) want |= SMARTBILL_KEY_REQUIRED;
        if (strcmp(sensitivity, "secret") == 0) want |= SMARTBILL_KEY_SECRET;
        if (strcmp(sensitivity, "personal") == 0) want |= SMARTBILL_KEY_PERSONAL;
        flags = 99;
        CHECK_STATUS(smartbill_callback_key_flags(key, -1, SMARTBILL_TEXT_UTF8, &flags), "OK", "%s", key);
        CHECK(flags == want, "%s: flags %u, want %u", key, flags, want);
        for (i = 0; key[i]; i++) ascii &= (unsigned char)key[i] < 0x80;
        if (ascii) {
            /* An ASCII name is the same bytes in CP949 (a COBOL PIC X field). */
            char padded[32];
            memset(padded, ' ', sizeof padded);
            memcpy(padded, key, strlen(key));
            flags = 99;
            CHECK_STATUS(smartbill_callback_key_flags(padded, sizeof padded, SMARTBILL_TEXT_CP949, &flags), "OK", "%s", key);
            CHECK(flags == want, "%s padded, CP949: flags %u, want %u", key, flags, want);
        }
    }
    /* "메모" in CP949: unknown, so personal. */
    flags = 99;
    CHECK_STATUS(smartbill_callback_key_flags("\xb8\xde\xb8\xf0", 4, SMARTBILL_TEXT_CP949, &flags), "OK", "CP949 key");
    CHECK(flags == SMARTBILL_KEY_PERSONAL, "CP949 key: flags %u", flags);
    flags = 99;
    CHECK_STATUS(smartbill_callback_key_flags("USER_NAME", -1, SMARTBILL_TEXT_UTF8, NULL), "NULL_ARGUMENT", "out");
    CHECK_STATUS(smartbill_callback_key_flags(NULL, 3, SMARTBILL_TEXT_UTF8, &flags), "NULL_ARGUMENT", "key");
    CHECK(flags == 0, "flags 0 on failure, got %u", flags);
    flags = 99;
    CHECK_STATUS(smartbill_callback_key_flags("  ", -1, SMARTBILL_TEXT_UTF8, &flags), "INVALID_ARGUMENT", "blank key");
    CHECK(flags == 0 && strcmp(last_error_field(), "key") == 0, "flags %u, field %s", flags, last_error_field());
    CHECK_STATUS(smartbill_callback_key_flags("USER_NAME", -1, 64, &flags), "INVALID_ARGUMENT", "unknown text flags");
    CHECK_STATUS(smartbill_callback_key_flags("\xff", 1, SMARTBILL_TEXT_UTF8, &flags), "INVALID_TEXT", "not UTF-8");
}

static const char *SAMPLE =
    "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"13F89DFEK99D4474A67EABE8F7258AA5\","
    "\"AUTH_TOKEN\":\"dG9rZW4tZm9yLWMtdGVzdHM=\",\"COM_NAME\":\"(\xec\xa3\xbc)\xec\x8a\xa4\xeb\xa7\x88\xed\x8a\xb8\xeb\xb9\x8c\","
    "\"\xeb\xb9\x84\xea\xb3\xa0\":\"memo\"}";

static void test_nulls(void) {
    SmartbillCallback *cb = NULL;
    char buf[64];
    size_t len = 0;
    int32_t flag = 0;
    CHECK_STATUS(smartbill_callback_parse(NULL, 5, 0, &cb), "NULL_ARGUMENT", "NULL body with length");
    CHECK(strcmp(last_error_field(), "body") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_callback_parse(NULL, 0, 0, &cb), "CALLBACK_JSON", "NULL, 0 is the empty body");
    CHECK_STATUS(smartbill_callback_parse(SAMPLE, -1, 0, NULL), "NULL_ARGUMENT", "NULL out");
    CHECK_STATUS(smartbill_callback_parse(SAMPLE, -1, 0, &cb), "OK", "sample");
    CHECK_STATUS(smartbill_callback_get(NULL, "USER_SBID", -1, 0, buf, sizeof buf, &len), "NULL_ARGUMENT", "NULL cb");
    CHECK(strcmp(last_error_field(), "cb") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_callback_get(cb, NULL, 4, 0, buf, sizeof buf, &len), "NULL_ARGUMENT", "NULL key");
    CHECK_STATUS(smartbill_callback_get(cb, NULL, 0, 0, buf, sizeof buf, &len), "INVALID_ARGUMENT", "empty key");
    CHECK_STATUS(smartbill_callback_get(cb, "   ", -1, 0, buf, sizeof buf, &len), "INVALID_ARGUMENT", "blank key");
    CHECK_STATUS(smartbill_callback_get(cb, "USER_SBID", -1, 0, buf, sizeof buf, NULL), "NULL_ARGUMENT", "NULL out_len");
    CHECK_STATUS(smartbill_callback_get(cb, "USER_SBID", -1, 0, NULL, sizeof buf, &len), "NULL_ARGUMENT", "NULL buf");
    CHECK_STATUS(smartbill_callback_has(NULL, "USER_SBID", -1, 0, &flag), "NULL_ARGUMENT", "has NULL cb");
    CHECK_STATUS(smartbill_callback_has(cb, "USER_SBID", -1, 0, NULL), "NULL_ARGUMENT", "has NULL present");
    CHECK_STATUS(smartbill_callback_com_regno_valid(NULL, &flag), "NULL_ARGUMENT", "valid NULL cb");
    CHECK_STATUS(smartbill_callback_com_regno_valid(cb, NULL), "NULL_ARGUMENT", "valid NULL out");
    CHECK_STATUS(smartbill_callback_key_count(NULL, &len), "NULL_ARGUMENT", "count NULL cb");
    CHECK_STATUS(smartbill_callback_key_count(cb, NULL), "NULL_ARGUMENT", "count NULL out");
    CHECK_STATUS(smartbill_callback_key_name(NULL, 0, 0, buf, sizeof buf, &len), "NULL_ARGUMENT", "name NULL cb");
    CHECK_STATUS(smartbill_callback_key_name(cb, 0, 0, buf, sizeof buf, NULL), "NULL_ARGUMENT", "name NULL out_len");
    flag = 7;
    CHECK_STATUS(smartbill_callback_source_allowed(NULL, -1, "58.181.27.5", -1, NULL, 0, &flag), "NULL_ARGUMENT", "NULL env");
    CHECK(flag == 0, "allowed is 0 on failure");
    CHECK_STATUS(smartbill_callback_source_allowed("demo", -1, NULL, -1, NULL, 0, &flag), "NULL_ARGUMENT", "NULL ip");
    CHECK_STATUS(smartbill_callback_source_allowed("demo", -1, "58.181.27.5", -1, NULL, 3, &flag), "NULL_ARGUMENT", "NULL extras");
    CHECK_STATUS(smartbill_callback_source_allowed("demo", -1, "58.181.27.5", -1, NULL, 0, NULL), "NULL_ARGUMENT", "NULL allowed");
    CHECK_STATUS(smartbill_callback_source_allowed("demo", -1, "58.181.27.5", -1, NULL, 0, &flag), "OK", "NULL, 0 extras");
    CHECK(flag == 1, "allowed");
    CHECK_STATUS(smartbill_callback_source_allowed("demo", -1, "58.181.27.5\xff", -1, NULL, 0, &flag), "OK", "bad UTF-8 ip");
    CHECK(flag == 0, "invalid UTF-8 is not an address");
    smartbill_callback_free(cb);
    smartbill_callback_free(NULL);
}

static void test_buffers_and_flags(void) {
    SmartbillCallback *cb = NULL;
    char buf[64];
    size_t len = 0;
    const char padded_key[12] = {'u', 's', 'e', 'r', '_', 's', 'b', 'i', 'd', ' ', ' ', ' '};
    CHECK_STATUS(smartbill_callback_parse(SAMPLE, -1, 0, &cb), "OK", "sample");
    /* Size query, then exact fit without NUL. */
    CHECK_STATUS(smartbill_callback_get(cb, "AUTH_TOKEN", -1, 0, NULL, 0, &len), "BUFFER_TOO_SMALL", "size query");
    CHECK(len == 24, "token length %zu", len);
    check_no_secret(last_error(), "buffer message");
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(smartbill_callback_get(cb, "USER_SBID", -1, 0, buf, 4, &len), "BUFFER_TOO_SMALL", "cap 4");
    CHECK(len == 5 && buf[0] == 'x', "nothing written");
    CHECK_STATUS(smartbill_callback_get(cb, "USER_SBID", -1, 0, buf, 5, &len), "OK", "cap 5");
    CHECK(memcmp(buf, "test1", 5) == 0 && buf[5] == 'x', "no NUL without room");
    /* A space-padded COBOL key, passed with its length. */
    CHECK_STATUS(smartbill_callback_get(cb, padded_key, 12, 0, buf, sizeof buf, &len), "OK", "padded key");
    CHECK(strcmp(buf, "test1") == 0, "padded key gives %s", buf);
    /* Older names read the canonical value. */
    CHECK_STATUS(smartbill_callback_get(cb, "sbid", -1, 0, buf, sizeof buf, &len), "OK", "older name");
    CHECK(strcmp(buf, "test1") == 0, "SBID gives %s", buf);
    /* PAD: the whole field, spaces after the text, no NUL. */
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(smartbill_callback_get(cb, "USER_SBID", -1, SMARTBILL_TEXT_PAD, buf, 10, &len), "OK", "pad");
    CHECK(memcmp(buf, "test1     x", 11) == 0 && len == 5, "padded: %.11s", buf);
    /* An absent key padded is all spaces. */
    CHECK_STATUS(smartbill_callback_get(cb, "USER_NAME", -1, SMARTBILL_TEXT_PAD, buf, 8, &len), "OK", "absent padded");
    CHECK(memcmp(buf, "        ", 8) == 0 && len == 0, "spaces");
    CHECK_STATUS(smartbill_callback_get(cb, "USER_SBID", -1, 4, buf, sizeof buf, &len), "INVALID_ARGUMENT", "unknown flag");
    CHECK(strcmp(last_error_field(), "flags") == 0, "field %s", last_error_field());
    smartbill_callback_free(cb);
}

static void test_cp949(void) {
    SmartbillCallback *cb = NULL;
    char buf[64];
    size_t len = 0;
    int32_t present = 0;
    /* (주)스마트빌 in CP949: 12 bytes. 비고 (an unknown key) in CP949. */
    const char want[] = "(\xc1\xd6)\xbd\xba\xb8\xb6\xc6\xae\xba\xf4";
    const char key_cp949[] = "\xba\xf1\xb0\xed";
    CHECK_STATUS(smartbill_callback_parse(SAMPLE, -1, 0, &cb), "OK", "sample");
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(smartbill_callback_get(cb, "COM_NAME", -1, SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, buf, 20, &len), "OK",
                 "CP949 padded");
    CHECK(len == 12 && memcmp(buf, want, 12) == 0 && memcmp(buf + 12, "        x", 9) == 0, "CP949 padded field");
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(smartbill_callback_get(cb, "COM_NAME", -1, SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, buf, 11, &len),
                 "BUFFER_TOO_SMALL", "never cut");
    CHECK(len == 12 && buf[0] == 'x', "untouched");
    /* A CP949 caller passes its key in CP949 too. */
    CHECK_STATUS(smartbill_callback_get(cb, key_cp949, -1, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len), "OK", "CP949 key");
    CHECK(strcmp(buf, "memo") == 0, "value %s", buf);
    CHECK_STATUS(smartbill_callback_has(cb, key_cp949, -1, SMARTBILL_TEXT_CP949, &present), "OK", "has CP949 key");
    CHECK(present == 1, "present");
    CHECK_STATUS(smartbill_callback_key_name(cb, 5, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len), "OK", "key name in CP949");
    CHECK(len == 4 && memcmp(buf, key_cp949, 4) == 0, "key name bytes");
    smartbill_callback_free(cb);

    /* A secret that CP949 cannot hold: the message must not show its character. */
    CHECK_STATUS(smartbill_callback_parse("{\"USER_SBID\":\"a\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"c\","
                                          "\"AUTH_TOKEN\":\"tok\xf0\x9f\x98\x80\"}",
                                          -1, 0, &cb),
                 "OK", "emoji token");
    CHECK_STATUS(smartbill_callback_get(cb, "auth_token", -1, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len), "UNENCODABLE",
                 "secret unencodable");
    CHECK(strcmp(last_error_field(), "AUTH_TOKEN") == 0, "field %s", last_error_field());
    CHECK(strstr(last_error(), "1F600") == NULL && strstr(last_error(), "\xf0\x9f\x98\x80") == NULL, "redacted: %s",
          last_error());
    smartbill_callback_free(cb);
}

static void test_size_limit(void) {
    /* 0 means the default 64 KiB; a larger limit lets the same body through to the next check. */
    size_t n = 70000;
    char *body = (char *)malloc(n);
    SmartbillCallback *cb = NULL;
    memset(body, ' ', n);
    memcpy(body, "{\"USER_SBID\":\"x\"}", 17);
    CHECK_STATUS(smartbill_callback_parse(body, (ptrdiff_t)n, 0, &cb), "CALLBACK_TOO_LARGE", "default limit");
    CHECK(strstr(last_error(), "65536") != NULL, "%s", last_error());
    CHECK_STATUS(smartbill_callback_parse(body, (ptrdiff_t)n, n, &cb), "CALLBACK_MISSING", "raised limit");
    CHECK(strcmp(last_error_field(), "COM_REGNO") == 0, "field %s", last_error_field());
    free(body);
}

int main(void) {
    cJSON *v = load_vectors("callback.json");
    g_secrets = cJSON_GetObjectItemCaseSensitive(v, "secrets");
    g_personal = cJSON_GetObjectItemCaseSensitive(v, "personal");
    test_parse_cases(v);
    test_source_cases(v);
    test_key_flags(v);
    test_nulls();
    test_buffers_and_flags();
    test_cp949();
    test_size_limit();
    cJSON_Delete(v);
    return report("test_callback");
}
