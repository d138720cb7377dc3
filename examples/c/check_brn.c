/* Checks business numbers given as arguments (or one per line on stdin) and
 * prints each one's status, normalised form and kind.
 *
 *   cc check_brn.c $(pkg-config --cflags --libs smartbill_signup) -o check_brn   (installed)
 *   make check_brn                                                              (a checkout)
 *   ./check_brn 124-81-00998 123-45-67890
 */
#include <stdio.h>
#include <string.h>
#include "smartbill_signup.h"

static void check(const char *number, ptrdiff_t len) {
    char formatted[16], kind[32], message[512];
    size_t n = 0;
    int32_t status = smartbill_brn_check(number, len);
    if (status != SMARTBILL_OK) {
        smartbill_last_error(message, sizeof message, &n);
        printf("%-14.*s %-14s %s\n", (int)len, number, smartbill_status_name(status), message);
        return;
    }
    smartbill_brn_format(number, len, formatted, sizeof formatted, &n);
    smartbill_brn_kind(number, len, kind, sizeof kind, &n);
    printf("%-14.*s %-14s %s %s\n", (int)len, number, "OK", formatted, kind);
}

int main(int argc, char **argv) {
    char line[256];
    int i;
    if (smartbill_abi_version() != SMARTBILL_ABI_VERSION) {
        fprintf(stderr, "library ABI %u, header %u: rebuild\n", smartbill_abi_version(), SMARTBILL_ABI_VERSION);
        return 2;
    }
    for (i = 1; i < argc; i++) {
        check(argv[i], -1); /* NUL-terminated: length -1 */
    }
    if (argc == 1) {
        while (fgets(line, sizeof line, stdin)) {
            check(line, (ptrdiff_t)strcspn(line, "\r\n"));
        }
    }
    return 0;
}
