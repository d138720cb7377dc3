/* Parses the JSON body SmartBill POSTs to the ERP's callback URL, from a
 * file or stdin, and prints its fields. AUTH_CODE and AUTH_TOKEN are
 * secrets: only their first characters are printed.
 *
 *   cc parse_callback.c $(pkg-config --cflags --libs smartbill_signup) -o parse_callback   (installed)
 *   make parse_callback                                                                   (a checkout)
 *   ./parse_callback body.json
 */
#include <stdio.h>
#include <string.h>
#include "smartbill_signup.h"

int main(int argc, char **argv) {
    static const char *const keys[] = {"USER_SBID", "COM_REGNO", "COM_NAME", "USER_NAME", "USER_EMAIL",
                                       "regYn", "AUTH_CODE", "AUTH_TOKEN"};
    static char body[64 * 1024 + 1]; /* the library's default limit is 64 KiB */
    char value[1024], message[1024];
    size_t body_len, len = 0, i;
    SmartbillCallback *cb = NULL;
    int32_t status, valid = 0;
    FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;

    if (in == NULL) {
        perror(argv[1]);
        return 1;
    }
    body_len = fread(body, 1, sizeof body, in); /* more than the limit: CALLBACK_TOO_LARGE */
    if (in != stdin) fclose(in);

    status = smartbill_callback_parse(body, (ptrdiff_t)body_len, 0, &cb);
    if (status != SMARTBILL_OK) {
        /* Answer SmartBill with an error status; the message never holds a secret. */
        smartbill_last_error(message, sizeof message, &len);
        fprintf(stderr, "refused: %s: %s\n", smartbill_status_name(status), message);
        return 1;
    }
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        status = smartbill_callback_get(cb, keys[i], -1, SMARTBILL_TEXT_UTF8, value, sizeof value, &len);
        if (status != SMARTBILL_OK) {
            printf("%-11s (%s)\n", keys[i], smartbill_status_name(status));
        } else if (strncmp(keys[i], "AUTH_", 5) == 0) {
            printf("%-11s %.4s... (%lu characters)\n", keys[i], value, (unsigned long)len);
        } else {
            printf("%-11s %s\n", keys[i], value);
        }
    }
    smartbill_callback_com_regno_valid(cb, &valid);
    printf("COM_REGNO is %sa valid business number\n", valid ? "" : "NOT ");
    smartbill_callback_free(cb);
    return 0;
}
