/* The C ABI conventions: status names, last error, buffers, NULLs, panics,
 * versions, thread-local errors. */
#include "check.h"
#include <pthread.h>

static void test_versions(void) {
    CHECK(smartbill_abi_version() == SMARTBILL_ABI_VERSION, "abi %u", smartbill_abi_version());
    /* The prototypes this file was compiled against are the library's. */
    CHECK(smartbill_abi_checksum() == SMARTBILL_ABI_CHECKSUM, "checksum %u, header %u",
          smartbill_abi_checksum(), (unsigned)SMARTBILL_ABI_CHECKSUM);
    CHECK(strlen(smartbill_version()) >= 5, "version %s", smartbill_version());
}

static void test_status_names(void) {
    CHECK(strcmp(smartbill_status_name(SMARTBILL_OK), "OK") == 0, "OK");
    CHECK(strcmp(smartbill_status_name(SMARTBILL_ERR_BRN_CHECKSUM), "BRN_CHECKSUM") == 0, "checksum");
    CHECK(strcmp(smartbill_status_name(SMARTBILL_ERR_HTTP_TOO_LARGE), "HTTP_TOO_LARGE") == 0, "http");
    CHECK(strcmp(smartbill_status_name(9999), "UNKNOWN") == 0, "unknown");
    CHECK(strcmp(smartbill_status_name(-1), "UNKNOWN") == 0, "negative");
}

static void test_panic_never_escapes(void) {
    CHECK_STATUS(smartbill_selftest_panic(), "INTERNAL", "panic");
    CHECK(strstr(last_error(), "deliberate panic") != NULL, "message: %s", last_error());
    CHECK(smartbill_last_error_status() == SMARTBILL_ERR_INTERNAL, "status");
    /* The library still works after a panic. */
    CHECK_STATUS(smartbill_brn_check("124-81-00998", -1), "OK", "after panic");
}

static void test_null_arguments(void) {
    size_t len = 0;
    char buf[32];
    int32_t st[2];
    CHECK_STATUS(smartbill_brn_check(NULL, 5), "NULL_ARGUMENT", "NULL text with length");
    CHECK(strcmp(last_error_field(), "brn") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_brn_check(NULL, -1), "NULL_ARGUMENT", "NULL text NUL-terminated");
    /* NULL with length 0 is the empty text. */
    CHECK_STATUS(smartbill_brn_check(NULL, 0), "BRN_LENGTH", "empty");
    CHECK_STATUS(smartbill_brn_normalize("1248100998", -1, buf, sizeof buf, NULL), "NULL_ARGUMENT", "out_len");
    CHECK_STATUS(smartbill_brn_normalize("1248100998", -1, NULL, 16, &len), "NULL_ARGUMENT", "buf with cap");
    CHECK_STATUS(smartbill_brn_check_many("1248100998", -1, '\n', st, 2, NULL), "NULL_ARGUMENT", "count");
    CHECK_STATUS(smartbill_brn_check_many("1248100998", -1, '\n', NULL, 2, &len), "NULL_ARGUMENT", "statuses");
    CHECK_STATUS(smartbill_brn_check_records(NULL, 10, 1, st), "NULL_ARGUMENT", "records data");
    CHECK_STATUS(smartbill_brn_check_records("1248100998", 10, 1, NULL), "NULL_ARGUMENT", "records statuses");
    CHECK_STATUS(smartbill_last_error(buf, sizeof buf, NULL), "NULL_ARGUMENT", "last_error out_len");
}

static void test_buffers(void) {
    char buf[16];
    size_t len = 0;
    /* Size query. */
    CHECK_STATUS(smartbill_brn_format("1248100998", -1, NULL, 0, &len), "BUFFER_TOO_SMALL", "size query");
    CHECK(len == 12, "needed %zu", len);
    /* Too small by one: nothing written. */
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(smartbill_brn_format("1248100998", -1, buf, 11, &len), "BUFFER_TOO_SMALL", "cap 11");
    CHECK(len == 12 && buf[0] == 'x', "untouched");
    /* Exactly the length: written, no NUL (COBOL fixed fields). */
    CHECK_STATUS(smartbill_brn_format("1248100998", -1, buf, 12, &len), "OK", "cap 12");
    CHECK(memcmp(buf, "124-81-00998", 12) == 0 && buf[12] == 'x', "no NUL when no room");
    /* Room for the NUL: written with it. */
    CHECK_STATUS(smartbill_brn_format("1248100998", -1, buf, sizeof buf, &len), "OK", "cap 16");
    CHECK(strcmp(buf, "124-81-00998") == 0, "NUL-terminated: %s", buf);
    /* The last error can itself be measured first. */
    smartbill_brn_check("123-45-67890", -1);
    CHECK_STATUS(smartbill_last_error(NULL, 0, &len), "BUFFER_TOO_SMALL", "last error size");
    CHECK(len == strlen(last_error()), "last error length %zu", len);
    /* Reading the last error does not change it. */
    CHECK(strstr(last_error(), "check digit") != NULL, "%s", last_error());
    CHECK(smartbill_last_error_status() == SMARTBILL_ERR_BRN_CHECKSUM, "status kept");
}

static void test_length_or_nul(void) {
    /* A space-padded fixed field passed with its length, no NUL. */
    const char field[15] = {'1','2','4','-','8','1','-','0','0','9','9','8',' ',' ',' '};
    CHECK_STATUS(smartbill_brn_check(field, 15), "OK", "padded field");
    /* Length shorter than the string: only that prefix is read. */
    CHECK_STATUS(smartbill_brn_check("1248100998999", 10), "OK", "prefix");
    CHECK_STATUS(smartbill_brn_check("12\xff", -1), "BRN_FORMAT", "not UTF-8: not digits");
}

/* Whether `needle` (n bytes) occurs in `hay` (len bytes). */
static int contains_bytes(const char *hay, size_t len, const char *needle, size_t n) {
    size_t i;
    for (i = 0; i + n <= len; i++) {
        if (memcmp(hay + i, needle, n) == 0) return 1;
    }
    return 0;
}

static void test_status_name_into(void) {
    char field[24];
    size_t len = 0;
    /* Padded into a fixed field: no NUL, spaces to the end. */
    memset(field, 'x', sizeof field);
    CHECK_STATUS(smartbill_status_name_into(SMARTBILL_ERR_BRN_CHECKSUM, SMARTBILL_TEXT_PAD, field, sizeof field, &len),
                 "OK", "padded name");
    CHECK(len == 12 && memcmp(field, "BRN_CHECKSUM            ", 24) == 0, "field '%.24s' len %zu", field, len);
    /* Plain: NUL-terminated like every text output. */
    CHECK_STATUS(smartbill_status_name_into(9999, 0, field, sizeof field, &len), "OK", "unknown");
    CHECK(strcmp(field, "UNKNOWN") == 0 && len == 7, "%s", field);
    CHECK_STATUS(smartbill_status_name_into(SMARTBILL_OK, SMARTBILL_TEXT_CP949, field, sizeof field, &len), "OK", "OK");
    CHECK(strcmp(field, "OK") == 0, "%s", field);
    /* Failures never replace the last error. */
    smartbill_brn_check("123-45-67890", -1);
    memset(field, 'x', sizeof field);
    CHECK_STATUS(smartbill_status_name_into(SMARTBILL_ERR_CALLBACK_TOO_LARGE, SMARTBILL_TEXT_PAD, field, 10, &len),
                 "BUFFER_TOO_SMALL", "small field");
    CHECK(len == 18 && field[0] == 'x', "needed %zu, untouched", len);
    CHECK_STATUS(smartbill_status_name_into(SMARTBILL_OK, 0x80, field, sizeof field, &len), "INVALID_ARGUMENT", "flags");
    CHECK_STATUS(smartbill_status_name_into(SMARTBILL_OK, 0, field, sizeof field, NULL), "NULL_ARGUMENT", "out_len");
    CHECK(smartbill_last_error_status() == SMARTBILL_ERR_BRN_CHECKSUM, "last error kept");
    CHECK(strstr(last_error(), "check digit") != NULL, "%s", last_error());
}

static void test_last_error_into(void) {
    /* 회사명 (the label of pComName) in CP949. */
    static const char label_cp949[] = "\xC8\xB8\xBB\xE7\xB8\xED";
    char big[300];
    char msg[512];
    size_t len = 0, utf8_len = 0;
    SmartbillForm *form = NULL;
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK_STATUS(smartbill_form_new("demo", -1, &form), "OK", "form");
    smartbill_form_set(form, "pComRegNo", -1, "124-81-00998", -1);
    smartbill_form_set(form, "pMIGRATIONFLAG", -1, "ERP01", -1);
    smartbill_form_set(form, "pComName", -1, big, -1);
    CHECK_STATUS(smartbill_form_validate(form), "FIELD_TOO_LONG", "too long");
    smartbill_last_error(NULL, 0, &utf8_len);
    /* CP949, padded: the Korean label arrives as CP949, spaces after it. */
    memset(msg, 'x', sizeof msg);
    CHECK_STATUS(smartbill_last_error_into(SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, msg, sizeof msg, &len), "OK", "cp949");
    CHECK(len == utf8_len - 3, "CP949 %zu bytes, UTF-8 %zu (3 syllables: 9 bytes become 6)", len, utf8_len);
    CHECK(contains_bytes(msg, len, label_cp949, 6), "label in CP949: %.*s", (int)len, msg);
    CHECK(msg[len] == ' ' && msg[sizeof msg - 1] == ' ', "padded");
    /* Too small: nothing written, size reported, error kept. */
    memset(msg, 'x', sizeof msg);
    CHECK_STATUS(smartbill_last_error_into(SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, msg, 20, &len), "BUFFER_TOO_SMALL", "small");
    CHECK(len == utf8_len - 3 && msg[0] == 'x', "needed %zu", len);
    CHECK_STATUS(smartbill_last_error_into(0x10, msg, sizeof msg, &len), "INVALID_ARGUMENT", "flags");
    CHECK(smartbill_last_error_status() == SMARTBILL_ERR_FIELD_TOO_LONG, "last error kept");
    /* UTF-8 without flags: the same bytes as smartbill_last_error. */
    CHECK_STATUS(smartbill_last_error_into(SMARTBILL_TEXT_UTF8, msg, sizeof msg, &len), "OK", "utf-8");
    CHECK(len == utf8_len && strcmp(msg, last_error()) == 0, "%s", msg);
    /* A character CP949 cannot hold becomes '?'; the message names it anyway. */
    CHECK_STATUS(smartbill_form_set(form, "pComName", -1, "\xF0\x9F\x98\x80", -1), "FIELD_UNENCODABLE", "emoji");
    CHECK_STATUS(smartbill_last_error_into(SMARTBILL_TEXT_CP949, msg, sizeof msg, &len), "OK", "emoji message");
    CHECK(strstr(msg, "U+1F600 '?'") != NULL, "%s", msg);
    smartbill_form_free(form);
}

static void *thread_body(void *arg) {
    static char results[2][256];
    int which = *(int *)arg;
    int i;
    for (i = 0; i < 2000; i++) {
        if (which == 0) smartbill_brn_check("123-45-67890", -1);
        else smartbill_brn_check("12-34", -1);
    }
    strncpy(results[which], last_error(), 255);
    return results[which];
}

static void test_errors_are_per_thread(void) {
    pthread_t t[2];
    int ids[2] = {0, 1};
    void *out[2];
    int i;
    for (i = 0; i < 2; i++) pthread_create(&t[i], NULL, thread_body, &ids[i]);
    for (i = 0; i < 2; i++) pthread_join(t[i], &out[i]);
    CHECK(strstr((char *)out[0], "check digit") != NULL, "thread 0: %s", (char *)out[0]);
    CHECK(strstr((char *)out[1], "digits") != NULL && strstr((char *)out[1], "check digit") == NULL,
          "thread 1: %s", (char *)out[1]);
}

int main(void) {
    test_versions();
    test_status_names();
    test_panic_never_escapes();
    test_null_arguments();
    test_buffers();
    test_length_or_nul();
    test_status_name_into();
    test_last_error_into();
    test_errors_are_per_thread();
    return report("test_core");
}
