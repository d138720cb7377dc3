package kr.smartbill.signup;

import com.sun.jna.Pointer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A SmartBill signup form: the parameters of the popup the ERP opens
 * (간편 회원 가입), checked by the library, rendered as an auto-submitting
 * page or as a urlencoded body.
 *
 * <pre>{@code
 * try (SignupForm form = new SignupForm("demo")) {
 *     form.set("pComRegNo", "124-81-00998")
 *         .set("pMIGRATIONFLAG", "TEST11")
 *         .set("pComName", "(주)스마트빌");
 *     form.validate();                 // SmartbillException naming the parameter
 *     byte[] page = form.htmlBytes();  // write to the browser as text/html
 * }
 * }</pre>
 *
 * <p>The form holds native memory: close it, ideally with
 * try-with-resources. A form that is never closed is freed after it is
 * garbage-collected, on a thread of the library's own, and the first such
 * leak is logged once (logger {@code kr.smartbill.signup}, WARNING); the
 * collector may run late, so close forms. Methods are synchronized, so a
 * form may be shared between threads, and close() cannot free it under a
 * running call. Every method after close() throws
 * {@link IllegalStateException}.
 */
public final class SignupForm implements AutoCloseable {
    private Pointer handle;
    private LeakGuard.Guard guard;

    /**
     * A form for {@code environment}: {@code "demo"}, {@code "production"},
     * or a base URL (http or https, optionally with a port and a path).
     * Throws {@link SmartbillException} INVALID_ARGUMENT for anything else.
     */
    public SignupForm(String environment) {
        byte[] env = Text.utf8(Objects.requireNonNull(environment, "environment"));
        long[] out = new long[1];
        int status = Abi.smartbill_form_new(env, Text.length(env), out);
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
        handle = Sizes.handle(out);
        guard = LeakGuard.watch(this, handle, Abi::smartbill_form_free, "SignupForm");
    }

    /**
     * Sets a signup parameter by SmartBill's name ({@code pComRegNo},
     * {@code pMIGRATIONFLAG}, ...). A null or blank value clears it. Unknown
     * names, text CP949 cannot hold (e.g. an emoji, or the é of "Café") and
     * invalid text are refused now; formats and lengths are checked by
     * {@link #validate()}. A String is text whatever {@code input_charset}
     * says: the library reads it as UTF-8 (that option is about byte[]
     * values).
     */
    public synchronized SignupForm set(String name, String value) {
        byte[] n = Text.utf8(Objects.requireNonNull(name, "name"));
        byte[] v = Text.utf8OrNull(value);
        check(Abi.smartbill_form_set_utf8(open(), n, Text.length(n), v, Text.length(v)));
        return this;
    }

    /**
     * Sets a parameter from bytes in the form's input charset (UTF-8, or
     * CP949 after {@code setOption("input_charset", "euc-kr")}), e.g. a
     * field read from a CP949 file without converting it.
     */
    public synchronized SignupForm set(String name, byte[] value) {
        byte[] n = Text.utf8(Objects.requireNonNull(name, "name"));
        check(Abi.smartbill_form_set(open(), n, Text.length(n), value, Text.length(value)));
        return this;
    }

    /**
     * Sets an option: {@code input_charset} (the charset of byte[] values:
     * {@code utf-8} or {@code euc-kr}), {@code output_charset}
     * ({@code utf-8} or {@code euc-kr}), {@code auto_submit} ({@code yes}/
     * {@code no}), {@code target} ({@code _blank}, {@code _self}, ...),
     * {@code brn_check} ({@code strict} or {@code digits}).
     */
    public synchronized SignupForm setOption(String name, String value) {
        return setOption(name, Text.utf8OrNull(value));
    }

    public synchronized SignupForm setOption(String name, byte[] value) {
        byte[] n = Text.utf8(Objects.requireNonNull(name, "name"));
        check(Abi.smartbill_form_set_option(open(), n, Text.length(n), value, Text.length(value)));
        return this;
    }

    /**
     * Checks the whole form; throws {@link SmartbillException} for the first
     * parameter that breaks a rule (FIELD_REQUIRED, FIELD_FORMAT,
     * FIELD_TOO_LONG, with {@code getField()} naming it) or a refused earlier
     * {@code set}.
     */
    public synchronized void validate() {
        check(Abi.smartbill_form_validate(open()));
    }

    /** Whether {@link #validate()} would succeed. */
    public synchronized boolean isValid() {
        return Abi.smartbill_form_validate(open()) == Abi.SMARTBILL_OK;
    }

    /**
     * The popup page's bytes, in the output charset (UTF-8, or CP949 with
     * {@code output_charset=euc-kr}); send them with that charset in the
     * Content-Type. Validates first.
     */
    public synchronized byte[] htmlBytes() {
        Pointer form = open();
        return Text.read((buf, cap, len) -> Abi.smartbill_form_html(form, buf, cap, len));
    }

    /** The popup page as text, decoded from the charset the page declares. */
    public synchronized String html() {
        byte[] page = htmlBytes();
        return new String(page, declaredCharset(page));
    }

    /**
     * The {@code application/x-www-form-urlencoded} body the page posts (ASCII;
     * percent-encoded from CP949 with {@code output_charset=euc-kr}).
     * Validates first.
     */
    public synchronized String urlencoded() {
        Pointer form = open();
        return Text.readUtf8((buf, cap, len) -> Abi.smartbill_form_urlencoded(form, buf, cap, len));
    }

    /** The URL the form posts to. */
    public synchronized String actionUrl() {
        Pointer form = open();
        return Text.readUtf8((buf, cap, len) -> Abi.smartbill_form_action_url(form, buf, cap, len));
    }

    /** Releases the native form; further calls throw. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (handle != null) {
            guard.close();
            handle = null;
        }
    }

    /** The native handle, for Http.submitSignup; the caller holds this form's lock. */
    Pointer open() {
        if (handle == null) {
            throw new IllegalStateException("smartbill-signup: the SignupForm is closed");
        }
        return handle;
    }

    private static void check(int status) {
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
    }

    /**
     * The charset the page's meta tag declares (the library writes it in the
     * first bytes). EUC-KR pages are decoded as CP949 (x-windows-949), which
     * the library writes and which Java's strict EUC-KR decoder does not cover.
     */
    static Charset declaredCharset(byte[] page) {
        String head = new String(page, 0, Math.min(page.length, 1024), StandardCharsets.ISO_8859_1);
        String marker = "charset=";
        int start = head.indexOf(marker);
        int end = start < 0 ? -1 : head.indexOf('"', start);
        if (end < 0) {
            throw new IllegalStateException("smartbill-signup: the page declares no charset");
        }
        String label = head.substring(start + marker.length(), end);
        return label.equalsIgnoreCase("EUC-KR") ? Charset.forName("x-windows-949") : Charset.forName(label);
    }
}
