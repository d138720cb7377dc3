/* The shared business-number vectors through the C ABI. */
#include "check.h"

static void test_cases(const cJSON *cases) {
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        char input[256];
        char out[64];
        size_t out_len = 0;
        size_t n = case_input(c, input, sizeof input);
        const char *status = jstr(c, "status");
        const char *note = jstr(c, "note");
        CHECK_STATUS(smartbill_brn_check(input, (ptrdiff_t)n), status, "%s", note);
        {
            /* The same bytes through every batch entry point: one answer. */
            const char *items[1];
            ptrdiff_t lengths[1];
            int32_t one = -1;
            size_t count = 0;
            char data[260];
            items[0] = input;
            lengths[0] = (ptrdiff_t)n;
            CHECK_STATUS(smartbill_brn_check_array(items, lengths, 1, &one), "OK", "array: %s", note);
            CHECK(strcmp(smartbill_status_name(one), status) == 0, "array %s (%s)", smartbill_status_name(one), note);
            if (n > 0) {
                one = -1;
                CHECK_STATUS(smartbill_brn_check_records(input, n, 1, &one), "OK", "records: %s", note);
                CHECK(strcmp(smartbill_status_name(one), status) == 0, "record %s (%s)", smartbill_status_name(one),
                      note);
            }
            if (!memchr(input, 0x1f, n)) {
                memcpy(data, input, n);
                data[n] = 0x1f;
                one = -1;
                CHECK_STATUS(smartbill_brn_check_many(data, (ptrdiff_t)n + 1, 0x1f, &one, 1, &count), "OK",
                             "many: %s", note);
                CHECK(count == 1 && strcmp(smartbill_status_name(one), status) == 0, "many %s (%s)",
                      smartbill_status_name(one), note);
            }
        }
        if (strcmp(status, "OK") == 0) {
            CHECK_STATUS(smartbill_brn_normalize(input, (ptrdiff_t)n, out, sizeof out, &out_len), "OK", "%s", note);
            CHECK(strcmp(out, jstr(c, "normalized")) == 0, "normalized %s (%s)", out, note);
            CHECK_STATUS(smartbill_brn_format(input, (ptrdiff_t)n, out, sizeof out, &out_len), "OK", "%s", note);
            CHECK(strcmp(out, jstr(c, "formatted")) == 0, "formatted %s (%s)", out, note);
            CHECK_STATUS(smartbill_brn_kind(input, (ptrdiff_t)n, out, sizeof out, &out_len), "OK", "%s", note);
            CHECK(strcmp(out, jstr(c, "kind")) == 0, "kind %s (%s)", out, note);
        } else {
            CHECK(strlen(last_error()) > 0, "message for %s", note);
            CHECK_KOREAN(c, smartbill_brn_check(input, (ptrdiff_t)n), note);
            CHECK_STATUS(smartbill_brn_normalize(input, (ptrdiff_t)n, out, sizeof out, &out_len), status, "%s", note);
            CHECK_STATUS(smartbill_brn_kind(input, (ptrdiff_t)n, out, sizeof out, &out_len), status, "%s", note);
        }
    }
}

static void test_batches(const cJSON *batches) {
    const cJSON *b;
    cJSON_ArrayForEach(b, batches) {
        const char *data = jstr(b, "data");
        const cJSON *expected = cJSON_GetObjectItemCaseSensitive(b, "statuses");
        int want = cJSON_GetArraySize(expected);
        int32_t statuses[16];
        size_t count = 99;
        int i;
        /* Count first, then check. */
        if (want > 0) {
            CHECK_STATUS(smartbill_brn_check_many(data, -1, (uint8_t)jstr(b, "separator")[0], NULL, 0, &count),
                         "BUFFER_TOO_SMALL", "%s", jstr(b, "note"));
        }
        CHECK_STATUS(smartbill_brn_check_many(data, -1, (uint8_t)jstr(b, "separator")[0], statuses, 16, &count),
                     "OK", "%s", jstr(b, "note"));
        CHECK((int)count == want, "count %zu, want %d (%s)", count, want, jstr(b, "note"));
        for (i = 0; i < want && i < (int)count; i++) {
            const char *name = cJSON_GetArrayItem(expected, i)->valuestring;
            CHECK(strcmp(smartbill_status_name(statuses[i]), name) == 0, "item %d: %s, want %s (%s)", i,
                  smartbill_status_name(statuses[i]), name, jstr(b, "note"));
        }
    }
}

static void test_records(const cJSON *records) {
    const cJSON *r;
    cJSON_ArrayForEach(r, records) {
        const char *data = jstr(r, "data");
        const cJSON *expected = cJSON_GetObjectItemCaseSensitive(r, "statuses");
        size_t width = (size_t)cJSON_GetObjectItemCaseSensitive(r, "width")->valueint;
        int n = cJSON_GetArraySize(expected);
        int32_t statuses[16];
        int i;
        CHECK(strlen(data) == width * (size_t)n, "fixture size");
        CHECK_STATUS(smartbill_brn_check_records(data, width, (size_t)n, statuses), "OK", "%s", jstr(r, "note"));
        for (i = 0; i < n; i++) {
            const char *name = cJSON_GetArrayItem(expected, i)->valuestring;
            CHECK(strcmp(smartbill_status_name(statuses[i]), name) == 0, "record %d: %s, want %s", i,
                  smartbill_status_name(statuses[i]), name);
        }
    }
    CHECK_STATUS(smartbill_brn_check_records("x", 0, 3, NULL), "INVALID_ARGUMENT", "zero width");
}

/* smartbill_brn_check_array: the vectors with explicit lengths, and again
 * NUL-terminated where the items hold no NUL; then the argument rules. */
static void test_array(const cJSON *arrays) {
    const cJSON *a;
    cJSON_ArrayForEach(a, arrays) {
        const cJSON *items = cJSON_GetObjectItemCaseSensitive(a, "items");
        const cJSON *expected = cJSON_GetObjectItemCaseSensitive(a, "statuses");
        int n = cJSON_GetArraySize(items), i, has_nul = 0;
        char bytes[16][64];
        char terminated[16][65];
        const char *ptrs[16];
        const char *cptrs[16];
        ptrdiff_t lengths[16];
        int32_t statuses[16];
        for (i = 0; i < n && i < 16; i++) {
            size_t len = case_input(cJSON_GetArrayItem(items, i), bytes[i], sizeof bytes[i]);
            ptrs[i] = bytes[i];
            lengths[i] = (ptrdiff_t)len;
            memcpy(terminated[i], bytes[i], len);
            terminated[i][len] = 0;
            cptrs[i] = terminated[i];
            has_nul |= memchr(bytes[i], 0, len) != NULL;
            statuses[i] = -1;
        }
        CHECK_STATUS(smartbill_brn_check_array(ptrs, lengths, (size_t)n, statuses), "OK", "%s", jstr(a, "note"));
        for (i = 0; i < n; i++) {
            const char *want = cJSON_GetArrayItem(expected, i)->valuestring;
            CHECK(strcmp(smartbill_status_name(statuses[i]), want) == 0, "item %d: %s, want %s (%s)", i,
                  smartbill_status_name(statuses[i]), want, jstr(a, "note"));
            /* The same item alone: the same status as smartbill_brn_check. */
            CHECK(smartbill_brn_check(ptrs[i], lengths[i]) == statuses[i], "single agrees on item %d", i);
        }
        if (!has_nul) {
            CHECK_STATUS(smartbill_brn_check_array(cptrs, NULL, (size_t)n, statuses), "OK", "lengths NULL");
            for (i = 0; i < n; i++) {
                const char *want = cJSON_GetArrayItem(expected, i)->valuestring;
                CHECK(strcmp(smartbill_status_name(statuses[i]), want) == 0, "NUL-terminated item %d (%s)", i,
                      jstr(a, "note"));
            }
        }
    }
}

static void test_array_arguments(void) {
    const char *items[4] = {"124-81-00998", NULL, NULL, "1248100998 and more"};
    ptrdiff_t lengths[4] = {-1, 0, 5, 10};
    int32_t statuses[4] = {-1, -1, -1, -1};
    size_t big = 1u << 20;
    char *huge = (char *)malloc(big);
    const char *one[1];
    ptrdiff_t one_len[1];
    CHECK_STATUS(smartbill_brn_check_array(items, lengths, 4, statuses), "OK", "mixed lengths");
    CHECK(statuses[0] == SMARTBILL_OK, "negative length: NUL-terminated");
    CHECK(statuses[1] == SMARTBILL_ERR_BRN_LENGTH, "NULL with length 0 is empty: %s", smartbill_status_name(statuses[1]));
    CHECK(statuses[2] == SMARTBILL_ERR_NULL_ARGUMENT, "NULL with length 5: %s", smartbill_status_name(statuses[2]));
    CHECK(statuses[3] == SMARTBILL_OK, "the first 10 bytes only: %s", smartbill_status_name(statuses[3]));
    /* count 0 touches nothing. */
    CHECK_STATUS(smartbill_brn_check_array(NULL, NULL, 0, NULL), "OK", "count 0");
    CHECK_STATUS(smartbill_brn_check_array(NULL, NULL, 1, statuses), "NULL_ARGUMENT", "items NULL");
    CHECK(strcmp(last_error_field(), "items") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_brn_check_array(items, NULL, 1, NULL), "NULL_ARGUMENT", "statuses NULL");
    CHECK(strcmp(last_error_field(), "statuses") == 0, "field %s", last_error_field());
    statuses[0] = -1;
    CHECK_STATUS(smartbill_brn_check_array(items, NULL, SIZE_MAX, statuses), "INVALID_ARGUMENT", "count SIZE_MAX");
    CHECK_STATUS(smartbill_brn_check_array(items, NULL, SIZE_MAX / sizeof(char *) + 1, statuses), "INVALID_ARGUMENT",
                 "count just over what an array can hold");
    CHECK(strcmp(last_error_field(), "count") == 0, "field %s", last_error_field());
    CHECK(statuses[0] == -1, "nothing written on a refused call");
    /* A 1 MiB item of digits: too many digits, found without reading past it. */
    memset(huge, '1', big);
    one[0] = huge;
    one_len[0] = (ptrdiff_t)big;
    CHECK_STATUS(smartbill_brn_check_array(one, one_len, 1, statuses), "OK", "1 MiB item");
    CHECK(statuses[0] == SMARTBILL_ERR_BRN_LENGTH, "1 MiB of digits: %s", smartbill_status_name(statuses[0]));
    huge[big / 2] = 'x';
    CHECK_STATUS(smartbill_brn_check_array(one, one_len, 1, statuses), "OK", "1 MiB item");
    CHECK(statuses[0] == SMARTBILL_ERR_BRN_FORMAT, "a letter in 1 MiB: %s", smartbill_status_name(statuses[0]));
    free(huge);
}

int main(void) {
    cJSON *v = load_vectors("brn.json");
    test_cases(cJSON_GetObjectItemCaseSensitive(v, "cases"));
    test_batches(cJSON_GetObjectItemCaseSensitive(v, "batch"));
    test_records(cJSON_GetObjectItemCaseSensitive(v, "records"));
    test_array(cJSON_GetObjectItemCaseSensitive(v, "array"));
    test_array_arguments();
    cJSON_Delete(v);
    return report("test_brn");
}
