/* Text in and out in CP949 with characters of two UTF-8 bytes followed by
 * ASCII ("3·1", "25°C", "ß9"; issue 10 item 1), through every output that
 * writes CP949: callback values and key names, the last error, form pages;
 * and Unicode White_Space (item 2) around callback keys asked for. */
#include "check.h"

static int same_bytes(const char *got, size_t len, const char *want) {
    return len == strlen(want) && memcmp(got, want, len) == 0;
}

static void test_callback_cp949(void) {
    const char *body = "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"C\",\"AUTH_TOKEN\":\"T\","
                       "\"COM_ADDRESS\":\"3\xc2\xb7" "1\",\"X_\xc2\xb0" "C\":\"25\xc2\xb0" "C\",\"X_SS\":\"\xc3\x9f" "9\"}";
    SmartbillCallback *cb = NULL;
    char buf[64];
    size_t len = 0;
    CHECK_STATUS(smartbill_callback_parse(body, -1, 0, &cb), "OK", "parse");
    CHECK_STATUS(smartbill_callback_get(cb, "COM_ADDRESS", -1, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len), "OK",
                 "3·1 in CP949");
    CHECK(same_bytes(buf, len, "3\xa1\xa4" "1"), "3·1 bytes");
    CHECK_STATUS(smartbill_callback_get(cb, "x_ss", -1, SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, buf, 6, &len), "OK",
                 "ß9 padded");
    CHECK(len == 3 && memcmp(buf, "\xa9\xac" "9   ", 6) == 0, "ß9 padded bytes");
    /* The key itself in CP949: X_°C. */
    CHECK_STATUS(smartbill_callback_get(cb, "X_\xa1\xc6" "C", -1, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len), "OK",
                 "CP949 key");
    CHECK(same_bytes(buf, len, "25\xa1\xc6" "C"), "25°C bytes");
    /* Key names in CP949: the sixth key is X_°C. */
    CHECK_STATUS(smartbill_callback_key_name(cb, 5, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len), "OK", "key name");
    CHECK(same_bytes(buf, len, "X_\xa1\xc6" "C"), "key name bytes");
    /* Whitespace around the key asked for: vertical tab, U+3000, CP949 A1 A1. */
    CHECK_STATUS(smartbill_callback_get(cb, "\vCOM_ADDRESS\xe3\x80\x80", -1, 0, buf, sizeof buf, &len), "OK", "VT key");
    CHECK(same_bytes(buf, len, "3\xc2\xb7" "1"), "value by a key with whitespace around");
    CHECK_STATUS(smartbill_callback_get(cb, "\xa1\xa1" "COM_ADDRESS\v", -1, SMARTBILL_TEXT_CP949, buf, sizeof buf, &len),
                 "OK", "A1A1 key");
    CHECK(same_bytes(buf, len, "3\xa1\xa4" "1"), "value by a CP949 key with A1 A1 around");
    CHECK_STATUS(smartbill_callback_get(cb, "\v\xe3\x80\x80", -1, 0, buf, sizeof buf, &len), "INVALID_ARGUMENT",
                 "a key of whitespace only is empty");
    smartbill_callback_free(cb);
}

static void test_last_error_cp949(void) {
    char buf[512];
    size_t len = 0;
    CHECK_STATUS(smartbill_brn_check("3\xc2\xb7" "1", -1), "BRN_FORMAT", "3·1 is not a number");
    CHECK_STATUS(smartbill_last_error_into(SMARTBILL_TEXT_CP949, buf, sizeof buf, &len), "OK", "message in CP949");
    CHECK(len > 0 && strstr(buf, "\"3\xa1\xa4" "1\"") != NULL, "the message quotes 3·1 in CP949: %s", buf);
    CHECK_STATUS(smartbill_brn_check("\xc3\x9f" "9", -1), "BRN_FORMAT", "ß9");
    CHECK_STATUS(smartbill_last_error_into(SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, buf, 200, &len), "OK", "padded");
    CHECK(buf[199] == ' ', "padded to the field");
}

static void test_form_cp949(void) {
    const char *values[] = {"25\xc2\xb0" "C", "3\xc2\xb7" "1", "2\xc3\x97" "4", "\xc2\xb1" "5", "Model \xce\xb1" "1",
                            "\xd0\x96" "a", "\xc3\x9f" "9"};
    size_t i;
    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        SmartbillForm *form = NULL;
        char page[8192];
        size_t len = 0;
        CHECK_STATUS(smartbill_form_new("demo", -1, &form), "OK", "new");
        smartbill_form_set(form, "pComRegNo", -1, "1248100998", -1);
        smartbill_form_set(form, "pMIGRATIONFLAG", -1, "TEST11", -1);
        CHECK_STATUS(smartbill_form_set(form, "pComName", -1, values[i], -1), "OK", "set %s", values[i]);
        CHECK_STATUS(smartbill_form_set(form, "pComAddress", -1, values[i], -1), "OK", "set %s", values[i]);
        CHECK_STATUS(smartbill_form_html(form, page, sizeof page, &len), "OK", "UTF-8 page for %s", values[i]);
        CHECK(strstr(page, values[i]) != NULL, "the page holds %s", values[i]);
        CHECK_STATUS(smartbill_form_set_option(form, "output_charset", -1, "euc-kr", -1), "OK", "euc-kr");
        CHECK_STATUS(smartbill_form_html(form, page, sizeof page, &len), "OK", "EUC-KR page for %s", values[i]);
        CHECK_STATUS(smartbill_form_urlencoded(form, page, sizeof page, &len), "OK", "EUC-KR body for %s", values[i]);
        smartbill_form_free(form);
    }
}

int main(void) {
    test_callback_cp949();
    test_last_error_cp949();
    test_form_cp949();
    return report("test_text");
}
