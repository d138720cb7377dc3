/* A form remembers every failed set (issue 10 item 13), whatever its status,
 * and keeps only the latest failure per parameter and option, and the first
 * for unknown names (item 9). */
#include "check.h"

static SmartbillForm *valid_form(void) {
    SmartbillForm *form = NULL;
    CHECK_STATUS(smartbill_form_new("demo", -1, &form), "OK", "new");
    CHECK_STATUS(smartbill_form_set(form, "pComRegNo", -1, "1248100998", -1), "OK", "regno");
    CHECK_STATUS(smartbill_form_set(form, "pMIGRATIONFLAG", -1, "TEST11", -1), "OK", "flag");
    CHECK_STATUS(smartbill_form_validate(form), "OK", "valid");
    return form;
}

static void test_null_value_is_remembered(void) {
    SmartbillForm *form = valid_form();
    char page[8192];
    size_t len = 99;
    CHECK_STATUS(smartbill_form_set(form, "pComAddress", -1, NULL, 5), "NULL_ARGUMENT", "NULL value");
    CHECK_STATUS(smartbill_form_validate(form), "NULL_ARGUMENT", "remembered by validate");
    CHECK_STATUS(smartbill_form_html(form, page, sizeof page, &len), "NULL_ARGUMENT", "remembered by html");
    CHECK(len == 0, "no page");
    CHECK_STATUS(smartbill_form_urlencoded(form, page, sizeof page, &len), "NULL_ARGUMENT", "remembered by body");
    /* Setting the same parameter successfully clears it. */
    CHECK_STATUS(smartbill_form_set(form, "pComAddress", -1, "Seoul 3\xc2\xb7" "1", -1), "OK", "set again");
    CHECK_STATUS(smartbill_form_html(form, page, sizeof page, &len), "OK", "page");
    CHECK(strstr(page, "Seoul 3\xc2\xb7" "1") != NULL, "the address is on the page");
    /* A NULL name is an unknown name: never forgotten. */
    CHECK_STATUS(smartbill_form_set(form, NULL, 3, "x", -1), "NULL_ARGUMENT", "NULL name");
    CHECK_STATUS(smartbill_form_set(form, "pComAddress", -1, "x", -1), "OK", "another set");
    CHECK_STATUS(smartbill_form_validate(form), "NULL_ARGUMENT", "still remembered");
    smartbill_form_free(form);

    form = valid_form();
    CHECK_STATUS(smartbill_form_set_option(form, "target", -1, NULL, 2), "NULL_ARGUMENT", "NULL option value");
    CHECK_STATUS(smartbill_form_validate(form), "NULL_ARGUMENT", "remembered");
    CHECK(strcmp(last_error_field(), "value") == 0, "field %s", last_error_field());
    CHECK_STATUS(smartbill_form_set_option(form, "target", -1, "_self", -1), "OK", "option again");
    CHECK_STATUS(smartbill_form_validate(form), "OK", "cleared");
    smartbill_form_free(form);
    CHECK_STATUS(smartbill_form_set(NULL, "pComName", -1, "x", -1), "NULL_ARGUMENT", "NULL form");
}

static void test_refusals_are_bounded(void) {
    SmartbillForm *form = valid_form();
    char name[32], value[32];
    int i;
    for (i = 0; i < 20000; i++) {
        snprintf(name, sizeof name, "pNoSuch%d", i);
        snprintf(value, sizeof value, "%d\xf0\x9f\x98\x80", i); /* an emoji: unencodable */
        (void)smartbill_form_set(form, name, -1, "x", -1);
        (void)smartbill_form_set(form, "pComName", -1, value, -1);
    }
    CHECK_STATUS(smartbill_form_validate(form), "INVALID_ARGUMENT", "the first unknown name");
    CHECK(strcmp(last_error_field(), "pNoSuch0") == 0, "field %s", last_error_field());
    smartbill_form_free(form);

    form = valid_form();
    (void)smartbill_form_set(form, "pComName", -1, "1\xf0\x9f\x98\x80", -1);
    (void)smartbill_form_set(form, "pComName", -1, "22\xf0\x9f\x98\x80", -1);
    CHECK_STATUS(smartbill_form_validate(form), "FIELD_UNENCODABLE", "latest");
    CHECK(strstr(last_error(), "position 3") != NULL, "the latest refusal: %s", last_error());
    smartbill_form_free(form);
}

/* smartbill_form_option: what the library understood, in canonical spelling. */
static void test_form_option(void) {
    SmartbillForm *form = valid_form();
    char buf[80];
    size_t len = 0;
    CHECK_STATUS(smartbill_form_option(form, "output_charset", -1, buf, sizeof buf, &len), "OK", "default");
    CHECK(strcmp(buf, "utf-8") == 0, "default charset %s", buf);
    CHECK_STATUS(smartbill_form_set_option(form, "\vpage_charset\xe3\x80\x80", -1, " MS949\v", -1), "OK", "alias");
    CHECK_STATUS(smartbill_form_option(form, "output_charset", -1, buf, sizeof buf, &len), "OK", "get");
    CHECK(strcmp(buf, "euc-kr") == 0, "canonical %s", buf);
    CHECK_STATUS(smartbill_form_option(form, " page_charset ", -1, buf, sizeof buf, &len), "OK", "by alias");
    CHECK(strcmp(buf, "euc-kr") == 0, "canonical %s", buf);
    CHECK_STATUS(smartbill_form_set_option(form, "auto_submit", -1, "0", -1), "OK", "auto_submit");
    CHECK_STATUS(smartbill_form_option(form, "auto_submit", -1, buf, sizeof buf, &len), "OK", "get");
    CHECK(strcmp(buf, "no") == 0, "auto_submit %s", buf);
    CHECK_STATUS(smartbill_form_option(form, "brn_check", -1, buf, sizeof buf, &len), "OK", "get");
    CHECK(strcmp(buf, "strict") == 0, "brn_check %s", buf);
    CHECK_STATUS(smartbill_form_option(form, "target", -1, buf, 3, &len), "BUFFER_TOO_SMALL", "small");
    CHECK(len == 6, "needs %zu", len);
    CHECK_STATUS(smartbill_form_option(form, "colour", -1, buf, sizeof buf, &len), "INVALID_ARGUMENT", "unknown");
    CHECK_STATUS(smartbill_form_option(form, "\xff", -1, buf, sizeof buf, &len), "INVALID_TEXT", "not UTF-8");
    CHECK_STATUS(smartbill_form_option(NULL, "target", -1, buf, sizeof buf, &len), "NULL_ARGUMENT", "NULL form");
    CHECK_STATUS(smartbill_form_validate(form), "OK", "reading is not setting: nothing remembered");
    smartbill_form_free(form);
}

int main(void) {
    test_form_option();
    test_null_value_is_remembered();
    test_refusals_are_bounded();
    return report("test_refusals");
}
