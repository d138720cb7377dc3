/* Writes SmartBill's signup page for a sample company to a file: the page
 * the ERP opens in the customer's browser, a form that posts the company's
 * data to SmartBill.
 *
 *   cc build_page.c $(pkg-config --cflags --libs smartbill_signup) -o build_page   (installed)
 *   make build_page                                                               (a checkout)
 *   ./build_page signup.html
 */
#include <stdio.h>
#include <stdlib.h>
#include "smartbill_signup.h"

/* Prints what the last call refused and why; returns 1 for main. */
static int fail(int32_t status) {
    char message[1024];
    size_t len = 0;
    smartbill_last_error(message, sizeof message, &len);
    fprintf(stderr, "%s: %s\n", smartbill_status_name(status), message);
    return 1;
}

int main(int argc, char **argv) {
    /* Parameter names are SmartBill's; values are UTF-8 (see
     * smartbill_form_set_option "input_charset" for CP949). */
    static const char *const fields[][2] = {
        {"pComRegNo", "124-81-00998"},
        {"pComName", "(주)스마트빌 뷁"},
        {"pComPresident", "김대표"},
        {"pMIGRATIONFLAG", "ERPCO01"}, /* the partner code SmartBill gave the ERP */
        {"pMemName", "이담당"},
        {"pMemEmail", "tax@example.co.kr"},
        {"pMemHP", "010-1234-5678"},
    };
    const char *path = argc > 1 ? argv[1] : "signup.html";
    SmartbillForm *form = NULL;
    char *page = NULL;
    size_t i, len = 0;
    int32_t status;
    FILE *out;

    if (smartbill_abi_version() != SMARTBILL_ABI_VERSION) {
        fprintf(stderr, "library ABI %u, header %u: rebuild\n", smartbill_abi_version(), SMARTBILL_ABI_VERSION);
        return 2;
    }
    status = smartbill_form_new("demo", -1, &form); /* or "production", or a base URL */
    if (status != SMARTBILL_OK) return fail(status);
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        status = smartbill_form_set(form, fields[i][0], -1, fields[i][1], -1);
        if (status != SMARTBILL_OK) {
            smartbill_form_free(form);
            return fail(status);
        }
    }
    /* Ask for the size (this also checks the whole form), then write. */
    status = smartbill_form_html(form, NULL, 0, &len);
    if (status == SMARTBILL_ERR_BUFFER_TOO_SMALL && (page = malloc(len + 1)) != NULL) {
        status = smartbill_form_html(form, page, len + 1, &len);
    }
    smartbill_form_free(form);
    if (status != SMARTBILL_OK) {
        free(page);
        return fail(status);
    }
    out = fopen(path, "wb");
    if (out == NULL || fwrite(page, 1, len, out) != len || fclose(out) != 0) {
        perror(path);
        free(page);
        return 1;
    }
    free(page);
    printf("%s: %lu bytes\n", path, (unsigned long)len);
    return 0;
}
