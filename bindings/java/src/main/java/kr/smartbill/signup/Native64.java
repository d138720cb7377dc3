package kr.smartbill.signup;

import com.sun.jna.Pointer;

/**
 * The C ABI for 64-bit processes, bound by JNA direct mapping
 * ({@code Native.register}), which is several times faster per call than
 * interface mapping.
 *
 * <p>{@code size_t} and {@code ptrdiff_t} are 8 bytes here, so they are Java
 * {@code long}; {@code size_t *} and handle out-parameters
 * ({@code SmartbillForm **}) are {@code long[1]}. {@link Native32} is the
 * same list with {@code int} for 32-bit processes (generated from this file
 * by {@code gen-native32.sh}; a test checks they agree). Only {@link Abi}
 * calls these, choosing the class that matches the running JVM. Text is
 * always UTF-8 (or CP949) {@code byte[]} with an explicit length, never a
 * {@code String}: JNA would encode it in the platform charset (MS949 on
 * Korean Windows).
 */
final class Native64 {
    static {
        Loader.register(Native64.class);
    }

    private Native64() {}

    // Versions, statuses and the last error.
    static native int smartbill_abi_version();
    static native Pointer smartbill_version();
    static native Pointer smartbill_status_name(int status);
    static native int smartbill_last_error(byte[] buf, long cap, long[] outLen);
    static native int smartbill_last_error_into(int flags, byte[] buf, long cap, long[] outLen);
    static native int smartbill_status_name_into(int status, int flags, byte[] buf, long cap, long[] outLen);
    static native int smartbill_last_error_field(byte[] buf, long cap, long[] outLen);
    static native int smartbill_last_error_status();
    static native int smartbill_selftest_panic();

    // Business numbers.
    static native int smartbill_brn_check(byte[] brn, long brnLen);
    static native int smartbill_brn_normalize(byte[] brn, long brnLen, byte[] buf, long cap, long[] outLen);
    static native int smartbill_brn_format(byte[] brn, long brnLen, byte[] buf, long cap, long[] outLen);
    static native int smartbill_brn_kind(byte[] brn, long brnLen, byte[] buf, long cap, long[] outLen);
    static native int smartbill_brn_check_many(byte[] data, long dataLen, byte separator, int[] statuses, long statusesCap, long[] count);
    static native int smartbill_brn_check_records(byte[] data, long recordWidth, long recordCount, int[] statuses);
    static native int smartbill_brn_check_array(Pointer items, Pointer lengths, long count, int[] statuses);

    // Signup form.
    static native int smartbill_form_new(byte[] environment, long environmentLen, long[] out);
    static native void smartbill_form_free(Pointer form);
    static native int smartbill_form_set(Pointer form, byte[] name, long nameLen, byte[] value, long valueLen);
    static native int smartbill_form_set_option(Pointer form, byte[] name, long nameLen, byte[] value, long valueLen);
    static native int smartbill_form_option(Pointer form, byte[] name, long nameLen, byte[] buf, long cap, long[] outLen);
    static native int smartbill_form_validate(Pointer form);
    static native int smartbill_form_html(Pointer form, byte[] buf, long cap, long[] outLen);
    static native int smartbill_form_urlencoded(Pointer form, byte[] buf, long cap, long[] outLen);
    static native int smartbill_form_action_url(Pointer form, byte[] buf, long cap, long[] outLen);
    static native long smartbill_form_field_count();
    static native Pointer smartbill_form_field_name(long index);
    static native long smartbill_form_field_max_len(long index);
    static native int smartbill_form_field_required(long index);
    static native Pointer smartbill_form_field_rule(long index);

    // Callback.
    static native int smartbill_callback_parse(byte[] body, long bodyLen, long maxBytes, long[] out);
    static native int smartbill_callback_get(Pointer cb, byte[] key, long keyLen, int flags, byte[] buf, long cap, long[] outLen);
    static native int smartbill_callback_has(Pointer cb, byte[] key, long keyLen, int flags, int[] present);
    static native int smartbill_callback_com_regno_valid(Pointer cb, int[] valid);
    static native int smartbill_callback_key_count(Pointer cb, long[] count);
    static native int smartbill_callback_key_name(Pointer cb, long index, int flags, byte[] buf, long cap, long[] outLen);
    static native void smartbill_callback_free(Pointer cb);
    static native int smartbill_callback_source_allowed(byte[] environment, long environmentLen, byte[] ip, long ipLen, byte[] extraIps, long extraIpsLen, int[] allowed);

    // HTTP.
    static native int smartbill_http_options_new(long[] out);
    static native int smartbill_http_options_set(Pointer options, byte[] name, long nameLen, byte[] value, long valueLen);
    static native void smartbill_http_options_free(Pointer options);
    static native int smartbill_http_send_callback(byte[] url, long urlLen, byte[] json, long jsonLen, Pointer options, int timeoutMs, long[] out);
    static native int smartbill_http_submit(Pointer form, Pointer options, int timeoutMs, long[] out);
    static native int smartbill_http_probe(byte[] target, long targetLen, Pointer options, int timeoutMs, int[] httpStatus, int[] elapsedMs);
    static native int smartbill_response_status(Pointer response, int[] status);
    static native int smartbill_response_elapsed_ms(Pointer response, int[] elapsedMs);
    static native int smartbill_response_body(Pointer response, int flags, byte[] buf, long cap, long[] outLen);
    static native int smartbill_response_body_raw(Pointer response, byte[] buf, long cap, long[] outLen);
    static native int smartbill_response_content_type(Pointer response, byte[] buf, long cap, long[] outLen);
    static native void smartbill_response_free(Pointer response);
}
