package kr.smartbill.signup;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The C ABI with sizes as {@code long} whatever the JVM, dispatching to
 * {@link Native64} or {@link Native32}. {@code WIDE} is a constant, so the
 * JIT keeps only one branch. Also checks, once, that the library's ABI
 * version is the one this wrapper was written for.
 *
 * <p>Out-parameters are one-element arrays: {@code long[1]} for
 * {@code size_t *}, {@code int[1]} for {@code int32_t *}/{@code uint32_t *},
 * {@code Pointer[1]} for handles.
 */
final class Abi {
    /** The SMARTBILL_ABI_VERSION of the header this wrapper was written against. */
    static final int ABI_VERSION = 1;

    static final int OK = 0;
    static final int BUFFER_TOO_SMALL = 4;
    static final int TEXT_UTF8 = 0;
    static final int TEXT_CP949 = 1;

    /** Whether size_t, ptrdiff_t and pointers are 8 bytes (a 64-bit JVM). */
    static final boolean WIDE;

    static {
        if (Native.SIZE_T_SIZE != Native.POINTER_SIZE) {
            throw new UnsatisfiedLinkError("smartbill-signup: size_t (" + Native.SIZE_T_SIZE
                    + " bytes) and pointers (" + Native.POINTER_SIZE + " bytes) differ; unsupported platform");
        }
        WIDE = Native.POINTER_SIZE == 8;
        int found = WIDE ? Native64.smartbill_abi_version() : Native32.smartbill_abi_version();
        checkAbi(found);
    }

    private Abi() {}

    static void checkAbi(int found) {
        if (found != ABI_VERSION) {
            throw new UnsatisfiedLinkError("smartbill-signup: the native library has ABI version "
                    + Integer.toUnsignedString(found) + ", this wrapper needs " + ABI_VERSION
                    + "; ship the library and the jar from the same release");
        }
    }

    private static int narrow(long size) {
        if (size > Integer.MAX_VALUE || size < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("size " + size + " does not fit a 32-bit process");
        }
        return (int) size;
    }

    private static long unsigned(int size) {
        return size & 0xFFFFFFFFL;
    }

    private static Pointer pointer(long peer) {
        return peer == 0 ? null : new Pointer(peer);
    }

    /** Runs a 32-bit call that fills an int[1] and copies it to out as unsigned. */
    private static int widen(int status, int[] narrow, long[] out) {
        out[0] = unsigned(narrow[0]);
        return status;
    }

    // Versions, statuses and the last error.

    static int abiVersion() {
        return WIDE ? Native64.smartbill_abi_version() : Native32.smartbill_abi_version();
    }

    static Pointer version() {
        return WIDE ? Native64.smartbill_version() : Native32.smartbill_version();
    }

    static Pointer statusName(int status) {
        return WIDE ? Native64.smartbill_status_name(status) : Native32.smartbill_status_name(status);
    }

    static int lastError(byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_last_error(buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_last_error(buf, narrow(cap), n), n, outLen);
    }

    static int lastErrorField(byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_last_error_field(buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_last_error_field(buf, narrow(cap), n), n, outLen);
    }

    static int lastErrorStatus() {
        return WIDE ? Native64.smartbill_last_error_status() : Native32.smartbill_last_error_status();
    }

    static int selftestPanic() {
        return WIDE ? Native64.smartbill_selftest_panic() : Native32.smartbill_selftest_panic();
    }

    // Business numbers.

    static int brnCheck(byte[] brn, long len) {
        return WIDE ? Native64.smartbill_brn_check(brn, len) : Native32.smartbill_brn_check(brn, narrow(len));
    }

    static int brnNormalize(byte[] brn, long len, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_brn_normalize(brn, len, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_brn_normalize(brn, narrow(len), buf, narrow(cap), n), n, outLen);
    }

    static int brnFormat(byte[] brn, long len, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_brn_format(brn, len, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_brn_format(brn, narrow(len), buf, narrow(cap), n), n, outLen);
    }

    static int brnKind(byte[] brn, long len, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_brn_kind(brn, len, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_brn_kind(brn, narrow(len), buf, narrow(cap), n), n, outLen);
    }

    static int brnCheckMany(byte[] data, long len, byte separator, int[] statuses, long cap, long[] count) {
        if (WIDE) return Native64.smartbill_brn_check_many(data, len, separator, statuses, cap, count);
        int[] n = new int[1];
        return widen(Native32.smartbill_brn_check_many(data, narrow(len), separator, statuses, narrow(cap), n), n, count);
    }

    static int brnCheckRecords(byte[] data, long width, long count, int[] statuses) {
        return WIDE
                ? Native64.smartbill_brn_check_records(data, width, count, statuses)
                : Native32.smartbill_brn_check_records(data, narrow(width), narrow(count), statuses);
    }

    // Signup form.

    static int formNew(byte[] environment, long len, Pointer[] out) {
        int status;
        if (WIDE) {
            long[] p = new long[1];
            status = Native64.smartbill_form_new(environment, len, p);
            out[0] = pointer(p[0]);
        } else {
            int[] p = new int[1];
            status = Native32.smartbill_form_new(environment, narrow(len), p);
            out[0] = pointer(unsigned(p[0]));
        }
        return status;
    }

    static void formFree(Pointer form) {
        if (WIDE) Native64.smartbill_form_free(form);
        else Native32.smartbill_form_free(form);
    }

    static int formSet(Pointer form, byte[] name, long nameLen, byte[] value, long valueLen) {
        return WIDE
                ? Native64.smartbill_form_set(form, name, nameLen, value, valueLen)
                : Native32.smartbill_form_set(form, name, narrow(nameLen), value, narrow(valueLen));
    }

    static int formSetOption(Pointer form, byte[] name, long nameLen, byte[] value, long valueLen) {
        return WIDE
                ? Native64.smartbill_form_set_option(form, name, nameLen, value, valueLen)
                : Native32.smartbill_form_set_option(form, name, narrow(nameLen), value, narrow(valueLen));
    }

    static int formValidate(Pointer form) {
        return WIDE ? Native64.smartbill_form_validate(form) : Native32.smartbill_form_validate(form);
    }

    static int formHtml(Pointer form, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_form_html(form, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_form_html(form, buf, narrow(cap), n), n, outLen);
    }

    static int formUrlencoded(Pointer form, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_form_urlencoded(form, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_form_urlencoded(form, buf, narrow(cap), n), n, outLen);
    }

    static int formActionUrl(Pointer form, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_form_action_url(form, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_form_action_url(form, buf, narrow(cap), n), n, outLen);
    }

    static long formFieldCount() {
        return WIDE ? Native64.smartbill_form_field_count() : unsigned(Native32.smartbill_form_field_count());
    }

    static Pointer formFieldName(long index) {
        return WIDE ? Native64.smartbill_form_field_name(index) : Native32.smartbill_form_field_name(narrow(index));
    }

    static long formFieldMaxLen(long index) {
        return WIDE
                ? Native64.smartbill_form_field_max_len(index)
                : unsigned(Native32.smartbill_form_field_max_len(narrow(index)));
    }

    static int formFieldRequired(long index) {
        return WIDE
                ? Native64.smartbill_form_field_required(index)
                : Native32.smartbill_form_field_required(narrow(index));
    }

    static Pointer formFieldRule(long index) {
        return WIDE ? Native64.smartbill_form_field_rule(index) : Native32.smartbill_form_field_rule(narrow(index));
    }

    // Callback.

    static int callbackParse(byte[] body, long len, long maxBytes, Pointer[] out) {
        int status;
        if (WIDE) {
            long[] p = new long[1];
            status = Native64.smartbill_callback_parse(body, len, maxBytes, p);
            out[0] = pointer(p[0]);
        } else {
            int[] p = new int[1];
            status = Native32.smartbill_callback_parse(body, narrow(len), narrow(maxBytes), p);
            out[0] = pointer(unsigned(p[0]));
        }
        return status;
    }

    static int callbackGet(Pointer cb, byte[] key, long keyLen, int flags, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_callback_get(cb, key, keyLen, flags, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_callback_get(cb, key, narrow(keyLen), flags, buf, narrow(cap), n), n, outLen);
    }

    static int callbackHas(Pointer cb, byte[] key, long keyLen, int flags, int[] present) {
        return WIDE
                ? Native64.smartbill_callback_has(cb, key, keyLen, flags, present)
                : Native32.smartbill_callback_has(cb, key, narrow(keyLen), flags, present);
    }

    static int callbackComRegnoValid(Pointer cb, int[] valid) {
        return WIDE
                ? Native64.smartbill_callback_com_regno_valid(cb, valid)
                : Native32.smartbill_callback_com_regno_valid(cb, valid);
    }

    static int callbackKeyCount(Pointer cb, long[] count) {
        if (WIDE) return Native64.smartbill_callback_key_count(cb, count);
        int[] n = new int[1];
        return widen(Native32.smartbill_callback_key_count(cb, n), n, count);
    }

    static int callbackKeyName(Pointer cb, long index, int flags, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_callback_key_name(cb, index, flags, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_callback_key_name(cb, narrow(index), flags, buf, narrow(cap), n), n, outLen);
    }

    static void callbackFree(Pointer cb) {
        if (WIDE) Native64.smartbill_callback_free(cb);
        else Native32.smartbill_callback_free(cb);
    }

    static int callbackSourceAllowed(byte[] environment, long environmentLen, byte[] ip, long ipLen,
                                     byte[] extraIps, long extraIpsLen, int[] allowed) {
        return WIDE
                ? Native64.smartbill_callback_source_allowed(environment, environmentLen, ip, ipLen, extraIps, extraIpsLen, allowed)
                : Native32.smartbill_callback_source_allowed(environment, narrow(environmentLen), ip, narrow(ipLen),
                        extraIps, narrow(extraIpsLen), allowed);
    }

    // HTTP.

    static int httpOptionsNew(Pointer[] out) {
        int status;
        if (WIDE) {
            long[] p = new long[1];
            status = Native64.smartbill_http_options_new(p);
            out[0] = pointer(p[0]);
        } else {
            int[] p = new int[1];
            status = Native32.smartbill_http_options_new(p);
            out[0] = pointer(unsigned(p[0]));
        }
        return status;
    }

    static int httpOptionsSet(Pointer options, byte[] name, long nameLen, byte[] value, long valueLen) {
        return WIDE
                ? Native64.smartbill_http_options_set(options, name, nameLen, value, valueLen)
                : Native32.smartbill_http_options_set(options, name, narrow(nameLen), value, narrow(valueLen));
    }

    static void httpOptionsFree(Pointer options) {
        if (WIDE) Native64.smartbill_http_options_free(options);
        else Native32.smartbill_http_options_free(options);
    }

    static int httpSendCallback(byte[] url, long urlLen, byte[] json, long jsonLen, Pointer options,
                                int timeoutMs, Pointer[] out) {
        int status;
        if (WIDE) {
            long[] p = new long[1];
            status = Native64.smartbill_http_send_callback(url, urlLen, json, jsonLen, options, timeoutMs, p);
            out[0] = pointer(p[0]);
        } else {
            int[] p = new int[1];
            status = Native32.smartbill_http_send_callback(url, narrow(urlLen), json, narrow(jsonLen), options, timeoutMs, p);
            out[0] = pointer(unsigned(p[0]));
        }
        return status;
    }

    static int httpSubmit(Pointer form, Pointer options, int timeoutMs, Pointer[] out) {
        int status;
        if (WIDE) {
            long[] p = new long[1];
            status = Native64.smartbill_http_submit(form, options, timeoutMs, p);
            out[0] = pointer(p[0]);
        } else {
            int[] p = new int[1];
            status = Native32.smartbill_http_submit(form, options, timeoutMs, p);
            out[0] = pointer(unsigned(p[0]));
        }
        return status;
    }

    static int httpProbe(byte[] target, long targetLen, Pointer options, int timeoutMs, int[] httpStatus, int[] elapsedMs) {
        return WIDE
                ? Native64.smartbill_http_probe(target, targetLen, options, timeoutMs, httpStatus, elapsedMs)
                : Native32.smartbill_http_probe(target, narrow(targetLen), options, timeoutMs, httpStatus, elapsedMs);
    }

    static int responseStatus(Pointer response, int[] status) {
        return WIDE ? Native64.smartbill_response_status(response, status) : Native32.smartbill_response_status(response, status);
    }

    static int responseElapsedMs(Pointer response, int[] elapsedMs) {
        return WIDE
                ? Native64.smartbill_response_elapsed_ms(response, elapsedMs)
                : Native32.smartbill_response_elapsed_ms(response, elapsedMs);
    }

    static int responseBody(Pointer response, int flags, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_response_body(response, flags, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_response_body(response, flags, buf, narrow(cap), n), n, outLen);
    }

    static int responseBodyRaw(Pointer response, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_response_body_raw(response, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_response_body_raw(response, buf, narrow(cap), n), n, outLen);
    }

    static int responseContentType(Pointer response, byte[] buf, long cap, long[] outLen) {
        if (WIDE) return Native64.smartbill_response_content_type(response, buf, cap, outLen);
        int[] n = new int[1];
        return widen(Native32.smartbill_response_content_type(response, buf, narrow(cap), n), n, outLen);
    }

    static void responseFree(Pointer response) {
        if (WIDE) Native64.smartbill_response_free(response);
        else Native32.smartbill_response_free(response);
    }

    static int formSetUtf8(Pointer form, byte[] name, long nameLen, byte[] value, long valueLen) {
        return WIDE
                ? Native64.smartbill_form_set_utf8(form, name, nameLen, value, valueLen)
                : Native32.smartbill_form_set_utf8(form, name, narrow(nameLen), value, narrow(valueLen));
    }

    static int callbackKeyFlags(byte[] key, long keyLen, int flags, int[] keyFlags) {
        return WIDE
                ? Native64.smartbill_callback_key_flags(key, keyLen, flags, keyFlags)
                : Native32.smartbill_callback_key_flags(key, narrow(keyLen), flags, keyFlags);
    }
}
