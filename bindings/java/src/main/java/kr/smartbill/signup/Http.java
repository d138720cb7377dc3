package kr.smartbill.signup;

import com.sun.jna.Pointer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The network side, done by the library (reqwest): the firewall check,
 * a server-side signup submit, and playing SmartBill's side against the
 * ERP's own callback endpoint. Calls block for at most {@code timeoutMs}.
 * Failures throw {@link SmartbillException} HTTP_CONNECT, HTTP_DNS,
 * HTTP_TIMEOUT, HTTP_TLS, HTTP_PROXY, HTTP_PROTOCOL, HTTP_TOO_LARGE
 * (HTTP_STATUS only with {@code fail_on_status}); messages name the host and
 * cause, never a form value or a body.
 */
public final class Http {
    private Http() {}

    /**
     * Options for one call, by the library's names: {@code proxy}
     * ({@code env}, {@code off} or a proxy URL), {@code proxy_username},
     * {@code proxy_password}, {@code fail_on_status} ({@code yes}/{@code no}),
     * {@code max_body_bytes}. Checked by the library when used. Not
     * thread-safe while being built; share it once built.
     */
    public static final class Options {
        private final Map<String, String> values = new LinkedHashMap<>();

        public Options set(String name, String value) {
            values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Map<String, String> asMap() {
            return Collections.unmodifiableMap(values);
        }
    }

    /** What a probe found: the server answered with this HTTP status after elapsedMs. */
    public static final class Probe {
        private final int httpStatus;
        private final long elapsedMs;

        Probe(int httpStatus, long elapsedMs) {
            this.httpStatus = httpStatus;
            this.elapsedMs = elapsedMs;
        }

        public int getHttpStatus() {
            return httpStatus;
        }

        public long getElapsedMs() {
            return elapsedMs;
        }

        @Override
        public String toString() {
            return "Probe{httpStatus=" + httpStatus + ", elapsedMs=" + elapsedMs + "}";
        }
    }

    /**
     * The firewall check: can this machine reach SmartBill's signup endpoint?
     * {@code environment} is {@code demo}, {@code production} or a base URL (a
     * gateway's path prefix included), as {@link SignupForm} takes it; the GET
     * goes to {@code <base>/xMain/mb/shar_transfer/info_inpt01.aspx}, redirects
     * not followed. Returns when the server answered at all, whatever the HTTP
     * status; throws HTTP_* naming the failed hop otherwise, and
     * INVALID_ARGUMENT (field {@code environment}) for anything that is not an
     * environment: use {@link #probeUrl} for a URL exactly as given.
     */
    public static Probe probe(String environment, int timeoutMs, Options options) {
        byte[] e = Text.utf8(Objects.requireNonNull(environment, "environment"));
        int[] status = new int[1];
        int[] elapsed = new int[1];
        withOptions(options, o -> {
            check(Abi.smartbill_http_probe(e, Text.length(e), o, timeoutMs, status, elapsed));
            return null;
        });
        return new Probe(status[0], elapsed[0] & 0xFFFFFFFFL);
    }

    public static Probe probe(String environment, int timeoutMs) {
        return probe(environment, timeoutMs, null);
    }

    /**
     * The firewall check for a URL exactly as given (a health page, a full
     * signup URL, a URL with a query): nothing is added to its path.
     * Otherwise as {@link #probe}; text that is not an http(s) URL is
     * INVALID_ARGUMENT (field {@code url}).
     */
    public static Probe probeUrl(String url, int timeoutMs, Options options) {
        byte[] u = Text.utf8(Objects.requireNonNull(url, "url"));
        int[] status = new int[1];
        int[] elapsed = new int[1];
        withOptions(options, o -> {
            check(Abi.smartbill_http_probe_url(u, Text.length(u), o, timeoutMs, status, elapsed));
            return null;
        });
        return new Probe(status[0], elapsed[0] & 0xFFFFFFFFL);
    }

    public static Probe probeUrl(String url, int timeoutMs) {
        return probeUrl(url, timeoutMs, null);
    }

    /**
     * Submits a signup form server-side: validates it (failing as
     * {@link SignupForm#validate()}), then POSTs its urlencoded body to its
     * action URL, following redirects as a browser would.
     */
    public static HttpResponse submitSignup(SignupForm form, int timeoutMs, Options options) {
        Objects.requireNonNull(form, "form");
        synchronized (form) {
            Pointer f = form.open();
            return withOptions(options, o -> {
                long[] out = new long[1];
                check(Abi.smartbill_http_submit(f, o, timeoutMs, out));
                return HttpResponse.read(Sizes.handle(out));
            });
        }
    }

    public static HttpResponse submitSignup(SignupForm form, int timeoutMs) {
        return submitSignup(form, timeoutMs, null);
    }

    /**
     * Plays SmartBill's side for testing the ERP's callback endpoint: POSTs
     * {@code json} (as UTF-8, {@code application/json; charset=utf-8}) to
     * {@code url}. Redirects are not followed.
     */
    public static HttpResponse sendCallback(String url, String json, int timeoutMs, Options options) {
        byte[] u = Text.utf8(Objects.requireNonNull(url, "url"));
        byte[] j = Text.utf8(Objects.requireNonNull(json, "json"));
        return withOptions(options, o -> {
            long[] out = new long[1];
            check(Abi.smartbill_http_send_callback(u, Text.length(u), j, Text.length(j), o, timeoutMs, out));
            return HttpResponse.read(Sizes.handle(out));
        });
    }

    public static HttpResponse sendCallback(String url, String json, int timeoutMs) {
        return sendCallback(url, json, timeoutMs, null);
    }

    private interface OptionsUse<T> {
        T apply(Pointer options);
    }

    /** Builds native options for one call (NULL for the defaults) and frees them after. */
    private static <T> T withOptions(Options options, OptionsUse<T> use) {
        if (options == null || options.values.isEmpty()) {
            return use.apply(null);
        }
        long[] out = new long[1];
        check(Abi.smartbill_http_options_new(out));
        Pointer handle = Sizes.handle(out);
        try {
            for (Map.Entry<String, String> e : options.values.entrySet()) {
                byte[] n = Text.utf8(e.getKey());
                byte[] v = Text.utf8(e.getValue());
                check(Abi.smartbill_http_options_set(handle, n, Text.length(n), v, Text.length(v)));
            }
            return use.apply(handle);
        } finally {
            Abi.smartbill_http_options_free(handle);
        }
    }

    static void check(int status) {
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
    }
}
