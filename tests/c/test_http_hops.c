/* Which hop a failure is blamed on, through the C ABI: proxies from the
 * environment with NO_PROXY (a CIDR block), an explicit proxy that is not
 * listening, and a redirect to a host that refuses. Everything is on
 * loopback: 127.0.0.1:9 and 127.0.0.2:9 refuse connections; a one-shot
 * redirecting server runs on a thread. The environment is read once per
 * process, when the first request with proxy=env is made: it is set first. */
#include "check.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *const PROXY_VARIABLES[] = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY",
                                              "all_proxy",  "NO_PROXY",   "no_proxy",    "REQUEST_METHOD"};

static void test_no_proxy_cidr(void) {
    int32_t http_status = 0;
    /* reqwest connects directly to 127.0.0.2 (inside 127.0.0.0/8): the
     * refusal is the target's, not the proxy's. */
    CHECK_STATUS(smartbill_http_probe_url("http://127.0.0.2:9/health", -1, NULL, 3000, &http_status, NULL),
                 "HTTP_CONNECT", "NO_PROXY CIDR");
    CHECK(strstr(last_error(), "http://127.0.0.2:9") != NULL, "target named: %s", last_error());
    CHECK(strstr(last_error(), "proxy") == NULL, "no proxy blamed: %s", last_error());
}

static void test_explicit_proxy_not_listening(void) {
    SmartbillHttpOptions *o = NULL;
    CHECK_STATUS(smartbill_http_options_new(&o), "OK", "options");
    CHECK_STATUS(smartbill_http_options_set(o, "proxy", -1, "http://127.0.0.1:9", -1), "OK", "proxy");
    CHECK_STATUS(smartbill_http_probe_url("http://127.0.0.2:9/health", -1, o, 3000, NULL, NULL), "HTTP_PROXY",
                 "explicit proxy refused");
    CHECK(strncmp(last_error(), "proxy http://127.0.0.1:9 (for http://127.0.0.2:9)", 47) == 0, "proxy named: %s",
          last_error());
    smartbill_http_options_free(o);
}

struct redirector {
    int listener;
    char location[128];
};

/* Answers one connection with a 302 to `location`, then closes. */
static void *redirect_once(void *arg) {
    struct redirector *r = arg;
    char request[4096], answer[512];
    int client = accept(r->listener, NULL, NULL);
    if (client >= 0) {
        ssize_t n = recv(client, request, sizeof request, 0);
        (void)n;
        int len = snprintf(answer, sizeof answer,
                           "HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                           r->location);
        if (send(client, answer, (size_t)len, 0) < 0) perror("send");
        close(client);
    }
    return NULL;
}

static void test_redirect_to_a_refusing_host(void) {
    struct redirector r;
    struct sockaddr_in addr;
    socklen_t addr_len = sizeof addr;
    pthread_t server;
    char base[64], first_port[16];
    SmartbillForm *form = NULL;
    SmartbillResponse *response = NULL;
    SmartbillHttpOptions *o = NULL;

    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    r.listener = socket(AF_INET, SOCK_STREAM, 0);
    if (r.listener < 0 || bind(r.listener, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(r.listener, 1) != 0 ||
        getsockname(r.listener, (struct sockaddr *)&addr, &addr_len) != 0) {
        perror("redirecting server");
        exit(2);
    }
    snprintf(base, sizeof base, "http://127.0.0.1:%u", (unsigned)ntohs(addr.sin_port));
    snprintf(first_port, sizeof first_port, ":%u", (unsigned)ntohs(addr.sin_port));
    snprintf(r.location, sizeof r.location, "http://127.0.0.2:9/next?token=SECRET");
    if (pthread_create(&server, NULL, redirect_once, &r) != 0) {
        perror("pthread_create");
        exit(2);
    }

    CHECK_STATUS(smartbill_form_new(base, -1, &form), "OK", "form");
    smartbill_form_set(form, "pComRegNo", -1, "124-81-00998", -1);
    smartbill_form_set(form, "pMIGRATIONFLAG", -1, "TEST11", -1);
    smartbill_http_options_new(&o);
    smartbill_http_options_set(o, "proxy", -1, "off", -1);
    CHECK_STATUS(smartbill_http_submit(form, o, 5000, &response), "HTTP_CONNECT", "redirected to a refusing host");
    CHECK(response == NULL, "no response on error");
    CHECK(strstr(last_error(), "http://127.0.0.2:9") != NULL, "the host redirected to is named: %s", last_error());
    CHECK(strstr(last_error(), first_port) == NULL, "not the host that redirected: %s", last_error());
    CHECK(strstr(last_error(), "SECRET") == NULL, "no query: %s", last_error());
    smartbill_http_options_free(o);
    smartbill_form_free(form);
    pthread_join(server, NULL);
    close(r.listener);
}

int main(void) {
    size_t i;
    for (i = 0; i < sizeof PROXY_VARIABLES / sizeof *PROXY_VARIABLES; i++) unsetenv(PROXY_VARIABLES[i]);
    setenv("HTTP_PROXY", "http://127.0.0.1:9", 1);
    setenv("NO_PROXY", "127.0.0.0/8", 1);
    test_no_proxy_cidr();
    test_explicit_proxy_not_listening();
    test_redirect_to_a_refusing_host();
    return report("test_http_hops");
}
