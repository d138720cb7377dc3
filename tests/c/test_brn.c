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

int main(void) {
    cJSON *v = load_vectors("brn.json");
    test_cases(cJSON_GetObjectItemCaseSensitive(v, "cases"));
    test_batches(cJSON_GetObjectItemCaseSensitive(v, "batch"));
    test_records(cJSON_GetObjectItemCaseSensitive(v, "records"));
    cJSON_Delete(v);
    return report("test_brn");
}
