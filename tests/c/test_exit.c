/* Failing calls while a thread or the process exits (issue 10 item 4): from
 * a pthread key destructor after an earlier failure on that thread, and
 * from an atexit handler after an earlier failure on the main thread. The
 * thread's last-error storage is gone by then: the call must still return
 * its status, never abort. */
#include "check.h"
#include <pthread.h>
#include <unistd.h>

static pthread_key_t key;
static volatile int32_t destructor_status = -1;
static volatile int32_t destructor_read_status = -1;

/* Fails on purpose, reads the last error (which may be unavailable), and
 * keeps the statuses for the main thread to check. */
static void destructor(void *value) {
    char buf[512];
    size_t len = 0;
    SmartbillForm *form = NULL;
    (void)value;
    destructor_status = smartbill_brn_check("12a", -1);
    destructor_read_status = smartbill_last_error(buf, sizeof buf, &len);
    /* A handle made and refused during thread exit, then freed. */
    if (smartbill_form_new("demo", -1, &form) == SMARTBILL_OK) {
        (void)smartbill_form_set(form, "pNoSuchField", -1, "x", -1);
        (void)smartbill_form_validate(form);
        smartbill_form_free(form);
    }
}

static void *failing_thread(void *arg) {
    /* An earlier failure on this thread makes its last-error storage. */
    (void)smartbill_brn_check("x", -1);
    (void)pthread_setspecific(key, arg);
    return NULL;
}

static void test_thread_exit(void) {
    pthread_t t;
    CHECK(pthread_key_create(&key, destructor) == 0, "key");
    CHECK(pthread_create(&t, NULL, failing_thread, (void *)1) == 0, "thread 1");
    pthread_join(t, NULL);
    CHECK(destructor_status == SMARTBILL_ERR_BRN_FORMAT,
          "a failing call in a key destructor after an earlier failure returns its status: %s",
          smartbill_status_name(destructor_status));
    CHECK(destructor_read_status == SMARTBILL_OK,
          "reading the last error during thread exit succeeds (empty when unavailable)");
    pthread_key_delete(key);
}

/* Runs after main returns, when the main thread's storage is destroyed. */
static void at_exit(void) {
    char buf[512];
    size_t len = 0;
    int32_t status = smartbill_brn_check("12a", -1);
    int32_t read = smartbill_last_error(buf, sizeof buf, &len);
    int32_t internal = smartbill_selftest_panic();
    if (status != SMARTBILL_ERR_BRN_FORMAT || read != SMARTBILL_OK || internal != SMARTBILL_ERR_INTERNAL) {
        fprintf(stderr, "atexit: status %s, reading %s, panic %s\n", smartbill_status_name(status),
                smartbill_status_name(read), smartbill_status_name(internal));
        _exit(1);
    }
    printf("test_exit: a failing call in an atexit handler returned %s\n", smartbill_status_name(status));
}

int main(void) {
    /* An earlier failure on the main thread, then the handler. */
    CHECK_STATUS(smartbill_brn_check("12a", -1), "BRN_FORMAT", "before exit");
    CHECK(strlen(last_error()) > 0, "a message before exit");
    CHECK(atexit(at_exit) == 0, "atexit");
    test_thread_exit();
    return report("test_exit");
}
