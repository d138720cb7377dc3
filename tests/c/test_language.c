/* Messages in English and Korean through the C ABI: the calling thread's
 * language, the process default, status descriptions, and Korean messages
 * in CP949 fixed-length fields (never split, never cut). */
#include "check.h"
#include <pthread.h>

/* CP949 "사업자등록번호" (the start of every Korean business-number message). */
static const char BRN_CP949[] = "\xbb\xe7\xbe\xf7\xc0\xda\xb5\xee\xb7\xcf\xb9\xf8\xc8\xa3";

static void *korean_thread(void *arg) {
    char *out = arg;
    size_t len = 0;
    smartbill_set_language("ko", -1);
    smartbill_brn_check("1234", -1);
    smartbill_last_error(out, 512, &len);
    return NULL;
}

static void *default_thread(void *arg) {
    char *out = arg;
    size_t len = 0;
    smartbill_brn_check("1234", -1);
    smartbill_last_error(out, 512, &len);
    return NULL;
}

static void test_threads(void) {
    static char ko[512], en[512];
    pthread_t a, b;
    pthread_create(&a, NULL, korean_thread, ko);
    pthread_join(a, NULL);
    pthread_create(&b, NULL, default_thread, en);
    pthread_join(b, NULL);
    CHECK(strcmp(ko, "사업자등록번호 \"1234\": 숫자가 4자리입니다. 10자리여야 합니다") == 0, "%s", ko);
    CHECK(strcmp(en, "business number \"1234\": has 4 digits, needs 10") == 0, "%s", en);
    CHECK(strcmp(smartbill_language(), "en") == 0, "main thread %s", smartbill_language());
}

static void test_language_choice(void) {
    CHECK_STATUS(smartbill_set_language("ko", -1), "OK", "ko");
    CHECK(strcmp(smartbill_language(), "ko") == 0, "%s", smartbill_language());
    CHECK_STATUS(smartbill_brn_check("124-81-00997", -1), "BRN_CHECKSUM", "Korean failure");
    CHECK_STATUS(smartbill_set_language("en", 2), "OK", "en, with its length");
    /* The error keeps the language it was made in. */
    CHECK(strcmp(last_error(), "사업자등록번호 \"124-81-00997\": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)") == 0,
          "%s", last_error());
    CHECK_STATUS(smartbill_set_language("klingon", -1), "INVALID_ARGUMENT", "unknown");
    CHECK(strcmp(last_error_field(), "language") == 0, "%s", last_error_field());
    CHECK_STATUS(smartbill_set_language(NULL, -1), "NULL_ARGUMENT", "NULL");
    CHECK_STATUS(smartbill_set_language("", -1), "OK", "back to the default");
    CHECK_STATUS(smartbill_set_default_language("ko", -1), "OK", "default ko");
    CHECK(strcmp(smartbill_language(), "ko") == 0, "%s", smartbill_language());
    CHECK_STATUS(smartbill_set_default_language("", -1), "INVALID_ARGUMENT", "no empty default");
    CHECK_STATUS(smartbill_set_default_language("en", -1), "OK", "default en");
    CHECK(strcmp(smartbill_language(), "en") == 0, "%s", smartbill_language());
}

static void test_descriptions(void) {
    int32_t code;
    int described = 0;
    char en[256], ko[256], field[240];
    size_t len = 0;
    for (code = 0; code < 128; code++) {
        if (strcmp(smartbill_status_name(code), "UNKNOWN") == 0) continue;
        described++;
        CHECK_STATUS(smartbill_status_description(code, "en", -1, 0, en, sizeof en, &len), "OK", "en %d", code);
        CHECK(len > 0 && en[len - 1] == '.', "%d: %s", code, en);
        CHECK_STATUS(smartbill_status_description(code, "ko", -1, 0, ko, sizeof ko, &len), "OK", "ko %d", code);
        CHECK(strcmp(en, ko) != 0 && strstr(ko, "\xeb\x8b\x88\xeb\x8b\xa4") != NULL, "%d: %s", code, ko); /* 니다 */
        /* CP949, padded into a fixed field: the text, then spaces, no NUL. */
        memset(field, 0, sizeof field);
        CHECK_STATUS(smartbill_status_description(code, "ko", -1, SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, field,
                                                  sizeof field, &len),
                     "OK", "ko CP949 %d", code);
        CHECK(len < sizeof field && field[sizeof field - 1] == ' ', "%d: padded", code);
    }
    CHECK(described >= 30, "%d statuses", described);
    CHECK_STATUS(smartbill_status_description(SMARTBILL_ERR_BRN_CHECKSUM, "ko", -1, 0, ko, sizeof ko, &len), "OK", "");
    CHECK(strcmp(ko, "사업자등록번호의 검증번호가 맞지 않습니다.") == 0, "%s", ko);
    CHECK_STATUS(smartbill_status_description(999, "en", -1, 0, en, sizeof en, &len), "OK", "unknown number");
    CHECK(strcmp(en, "Unknown status 999.") == 0, "%s", en);
    /* NULL language: the calling thread's. */
    CHECK_STATUS(smartbill_status_description(SMARTBILL_OK, NULL, 0, 0, en, sizeof en, &len), "OK", "NULL language");
    CHECK(strcmp(en, "Success.") == 0, "%s", en);
    /* Failures are only the return value: the last error stays. */
    smartbill_brn_check("1234", -1);
    CHECK_STATUS(smartbill_status_description(SMARTBILL_OK, "xx", -1, 0, en, sizeof en, &len), "INVALID_ARGUMENT", "");
    CHECK_STATUS(smartbill_status_description(SMARTBILL_OK, "ko", -1, 0x40, en, sizeof en, &len), "INVALID_ARGUMENT", "");
    CHECK_STATUS(smartbill_status_description(SMARTBILL_OK, "ko", -1, 0, en, 3, &len), "BUFFER_TOO_SMALL", "");
    CHECK(len == strlen("성공했습니다."), "needed %zu", len);
    CHECK_STATUS(smartbill_status_description(SMARTBILL_OK, "ko", -1, 0, NULL, 0, NULL), "NULL_ARGUMENT", "");
    CHECK(strstr(last_error(), "has 4 digits") != NULL, "last error kept: %s", last_error());
}

/* A Korean message into a PIC X field in CP949: whole and padded, or
 * refused whole; a double-byte character is never split. */
static void test_cp949_fields(void) {
    char field[160];
    size_t needed = 0, len = 0, cap;
    const uint32_t flags = SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD;
    smartbill_set_language("ko", -1);
    CHECK_STATUS(smartbill_brn_check("124-81-00997", -1), "BRN_CHECKSUM", "");
    smartbill_set_language("", -1);
    CHECK_STATUS(smartbill_last_error_into(flags, field, 4, &needed), "BUFFER_TOO_SMALL", "size");
    CHECK(needed > 20 && needed < sizeof field, "needed %zu", needed);
    for (cap = 0; cap < needed; cap++) {
        memset(field, '#', sizeof field);
        CHECK_STATUS(smartbill_last_error_into(flags, field, cap, &len), "BUFFER_TOO_SMALL", "cap %zu", cap);
        CHECK(field[0] == '#', "cap %zu: written", cap);
    }
    memset(field, '#', sizeof field);
    CHECK_STATUS(smartbill_last_error_into(flags, field, sizeof field, &len), "OK", "whole");
    CHECK(len == needed, "%zu", len);
    CHECK(memcmp(field, BRN_CP949, strlen(BRN_CP949)) == 0, "CP949 text");
    for (cap = len; cap < sizeof field; cap++) CHECK(field[cap] == ' ', "padding at %zu", cap);
    /* Double-byte pairs only: every byte from 0x81 starts a pair. */
    for (cap = 0; cap < len; cap++) {
        if ((unsigned char)field[cap] >= 0x81) {
            CHECK(cap + 1 < len, "a lead byte at the end");
            cap++;
        }
    }
}

int main(void) {
    test_threads();
    test_language_choice();
    test_descriptions();
    test_cp949_fields();
    return report("test_language");
}
