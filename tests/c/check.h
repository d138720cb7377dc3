/* A minimal test harness for the C tests: CHECK macros, counters, and
 * loading the shared JSON vectors with cJSON. */
#ifndef SMARTBILL_TEST_CHECK_H
#define SMARTBILL_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "smartbill_signup.h"

static int checks_run = 0;
static int checks_failed = 0;

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        checks_run++;                                                       \
        if (!(cond)) {                                                      \
            checks_failed++;                                                \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                   \
            fprintf(stderr, "\n");                                          \
        }                                                                   \
    } while (0)

/* Checks that `call` returned the status named `name` ("OK", "BRN_CHECKSUM"). */
#define CHECK_STATUS(call, name, ...)                                       \
    do {                                                                    \
        int32_t st_ = (call);                                               \
        CHECK(strcmp(smartbill_status_name(st_), (name)) == 0,              \
              "status %s, expected %s: ", smartbill_status_name(st_), (name)); \
        if (strcmp(smartbill_status_name(st_), (name)) != 0) {              \
            fprintf(stderr, "  context: " __VA_ARGS__);                     \
            fprintf(stderr, "\n  last error: %s\n", last_error());          \
        }                                                                   \
    } while (0)

/* This thread's last error message, in a static buffer. */
static const char *last_error(void);
static const char *last_error_field(void);
#if defined(__GNUC__)
#define MAYBE_UNUSED __attribute__((unused))
#else
#define MAYBE_UNUSED
#endif
MAYBE_UNUSED static const char *last_error(void) {
    static char buf[1024];
    size_t len = 0;
    if (smartbill_last_error(buf, sizeof buf, &len) != SMARTBILL_OK) {
        return "(last error too long for the test buffer)";
    }
    return buf;
}

MAYBE_UNUSED static const char *last_error_field(void) {
    static char buf[256];
    size_t len = 0;
    if (smartbill_last_error_field(buf, sizeof buf, &len) != SMARTBILL_OK) {
        return "(field too long)";
    }
    return buf;
}

/* Reads tests/vectors/<name> (path relative to the repository root, which is
 * the working directory of the test runner). Caller frees with cJSON_Delete. */
MAYBE_UNUSED static cJSON *load_vectors(const char *name) {
    char path[512];
    FILE *f;
    long size;
    char *text;
    cJSON *json;
    snprintf(path, sizeof path, "tests/vectors/%s", name);
    f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = (char *)malloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    text[size] = 0;
    fclose(f);
    json = cJSON_Parse(text);
    free(text);
    if (!json) {
        fprintf(stderr, "%s is not valid JSON\n", path);
        exit(2);
    }
    return json;
}

/* A case's input: "input" as text, or "input_hex" decoded into `out`
 * (at most `cap` bytes). Returns the length. */
MAYBE_UNUSED static size_t case_input(const cJSON *c, char *out, size_t cap) {
    const cJSON *hex = cJSON_GetObjectItemCaseSensitive(c, "input_hex");
    const cJSON *in = cJSON_GetObjectItemCaseSensitive(c, "input");
    size_t n = 0;
    if (cJSON_IsString(hex)) {
        const char *h = hex->valuestring;
        while (h[0] && h[1] && n < cap) {
            unsigned int byte;
            sscanf(h, "%2x", &byte);
            out[n++] = (char)byte;
            h += 2;
        }
        return n;
    }
    n = strlen(in->valuestring);
    if (n > cap) n = cap;
    memcpy(out, in->valuestring, n);
    return n;
}

MAYBE_UNUSED static const char *jstr(const cJSON *obj, const char *key) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

/* When case `c` gives `message_ko`, makes `call` again with the thread's
 * language set to Korean and checks that the last error is exactly it;
 * the thread then follows the default language again. */
#define CHECK_KOREAN(c, call, note)                                          \
    do {                                                                    \
        const char *ko_ = jstr((c), "message_ko");                          \
        if (ko_) {                                                          \
            CHECK(smartbill_set_language("ko", -1) == SMARTBILL_OK, "ko");  \
            (void)(call);                                                   \
            CHECK(strcmp(last_error(), ko_) == 0, "Korean message %s\n  want %s (%s)", last_error(), ko_, (note)); \
            CHECK(smartbill_set_language("", -1) == SMARTBILL_OK, "default"); \
        }                                                                   \
    } while (0)

/* Prints the closing line and returns the process exit status. */
MAYBE_UNUSED static int report(const char *suite) {
    printf("%s: %d passed, %d failed\n", suite, checks_run - checks_failed, checks_failed);
    return checks_failed == 0 ? 0 : 1;
}

#endif
