/* A program that uses the released C package as a C user would: built with
 * nothing but `cc example.c $(pkg-config --cflags --libs smartbill_signup)`
 * against an installed prefix (shared or static). Prints what it did;
 * exits non-zero if anything is not as expected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smartbill_signup.h"

static int failures = 0;

static void check(int ok, const char *what) {
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) failures++;
}

int main(void) {
    char digits[16], kind[32];
    size_t len = 0;
    check(smartbill_abi_version() == SMARTBILL_ABI_VERSION, "ABI version matches the header");
    check(smartbill_abi_checksum() == SMARTBILL_ABI_CHECKSUM, "prototype checksum matches the header");
    printf("     library version %s\n", smartbill_version());
    check(smartbill_brn_normalize("124-81-00998", -1, digits, sizeof digits, &len) == SMARTBILL_OK &&
              strcmp(digits, "1248100998") == 0,
          "smartbill_brn_normalize");
    check(smartbill_brn_check("124-81-00997", -1) == SMARTBILL_ERR_BRN_CHECKSUM, "a bad check digit is refused");
    check(smartbill_brn_kind("124-81-00998", -1, kind, sizeof kind, &len) == SMARTBILL_OK &&
              strcmp(kind, "corporation") == 0,
          "smartbill_brn_kind");

    SmartbillForm *form = NULL;
    check(smartbill_form_new("demo", -1, &form) == SMARTBILL_OK, "smartbill_form_new");
    smartbill_form_set(form, "pComRegNo", -1, "124-81-00998", -1);
    smartbill_form_set(form, "pMIGRATIONFLAG", -1, "TEST11", -1);
    smartbill_form_set(form, "pComName", -1, "(주)스마트빌", -1);
    size_t need = 0;
    check(smartbill_form_html(form, NULL, 0, &need) == SMARTBILL_ERR_BUFFER_TOO_SMALL && need > 0,
          "smartbill_form_html says the size it needs");
    char *page = malloc(need + 1);
    check(page != NULL && smartbill_form_html(form, page, need + 1, &len) == SMARTBILL_OK &&
              strstr(page, "name=\"pComName\" value=\"(주)스마트빌\"") != NULL,
          "smartbill_form_html");
    free(page);
    smartbill_form_free(form);
    printf("%s\n", failures == 0 ? "c consumer: all passed" : "c consumer: failures");
    return failures == 0 ? 0 : 1;
}
