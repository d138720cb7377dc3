package kr.smartbill.signup;

import com.sun.jna.Pointer;

/**
 * The C ABI for 32-bit processes, bound by JNA direct mapping
 * ({@code Native.register}), which is several times faster per call than
 * interface mapping.
 *
 * <p>{@code size_t} and {@code ptrdiff_t} are 4 bytes here, so they are Java
 * {@code int}; {@code size_t *} and handle out-parameters
 * ({@code SmartbillForm **}) are {@code int[1]}. {@link Native64} is the
 * same list with {@code long} for 64-bit processes (this file is generated from it
 * by {@code gen-native32.sh}; a test checks they agree). Only {@link Abi}
 * calls these, choosing the class that matches the running JVM. Text is
 * always UTF-8 (or CP949) {@code byte[]} with an explicit length, never a
 * {@code String}: JNA would encode it in the platform charset (MS949 on
 * Korean Windows).
 */
final class Native32 {
    static {
        Loader.register(Native32.class);
    }

    private Native32() {}

    // Versions, statuses and the last error.
    static native int smartbill_abi_version();
    static native Pointer smartbill_version();
    static native Pointer smartbill_status_name(int status);
    static native int smartbill_last_error(byte[] buf, int cap, int[] outLen);
    static native int smartbill_last_error_into(int flags, byte[] buf, int cap, int[] outLen);
    static native int smartbill_status_name_into(int status, int flags, byte[] buf, int cap, int[] outLen);
    static native int smartbill_last_error_field(byte[] buf, int cap, int[] outLen);
    static native int smartbill_last_error_status();
    static native int smartbill_selftest_panic();

    // Business numbers.
    static native int smartbill_brn_check(byte[] brn, int brnLen);
    static native int smartbill_brn_normalize(byte[] brn, int brnLen, byte[] buf, int cap, int[] outLen);
    static native int smartbill_brn_format(byte[] brn, int brnLen, byte[] buf, int cap, int[] outLen);
    static native int smartbill_brn_kind(byte[] brn, int brnLen, byte[] buf, int cap, int[] outLen);
    static native int smartbill_brn_check_many(byte[] data, int dataLen, byte separator, int[] statuses, int statusesCap, int[] count);
    static native int smartbill_brn_check_records(byte[] data, int recordWidth, int recordCount, int[] statuses);
    static native int smartbill_brn_check_array(Pointer items, Pointer lengths, int count, int[] statuses);

    // Signup form.
    static native int smartbill_form_new(byte[] environment, int environmentLen, int[] out);
    static native void smartbill_form_free(Pointer form);
    static native int smartbill_form_set(Pointer form, byte[] name, int nameLen, byte[] value, int valueLen);
    static native int smartbill_form_set_option(Pointer form, byte[] name, int nameLen, byte[] value, int valueLen);
    static native int smartbill_form_option(Pointer form, byte[] name, int nameLen, byte[] buf, int cap, int[] outLen);
    static native int smartbill_form_validate(Pointer form);
    static native int smartbill_form_html(Pointer form, byte[] buf, int cap, int[] outLen);
    static native int smartbill_form_urlencoded(Pointer form, byte[] buf, int cap, int[] outLen);
    static native int smartbill_form_action_url(Pointer form, byte[] buf, int cap, int[] outLen);
    static native int smartbill_form_field_count();
    static native Pointer smartbill_form_field_name(int index);
    static native int smartbill_form_field_max_len(int index);
    static native int smartbill_form_field_required(int index);
    static native Pointer smartbill_form_field_rule(int index);

    // Callback.
    static native int smartbill_callback_parse(byte[] body, int bodyLen, int maxBytes, int[] out);
    static native int smartbill_callback_get(Pointer cb, byte[] key, int keyLen, int flags, byte[] buf, int cap, int[] outLen);
    static native int smartbill_callback_has(Pointer cb, byte[] key, int keyLen, int flags, int[] present);
    static native int smartbill_callback_com_regno_valid(Pointer cb, int[] valid);
    static native int smartbill_callback_key_count(Pointer cb, int[] count);
    static native int smartbill_callback_key_name(Pointer cb, int index, int flags, byte[] buf, int cap, int[] outLen);
    static native void smartbill_callback_free(Pointer cb);
    static native int smartbill_callback_source_allowed(byte[] environment, int environmentLen, byte[] ip, int ipLen, byte[] extraIps, int extraIpsLen, int[] allowed);

    // HTTP.
    static native int smartbill_http_options_new(int[] out);
    static native int smartbill_http_options_set(Pointer options, byte[] name, int nameLen, byte[] value, int valueLen);
    static native void smartbill_http_options_free(Pointer options);
    static native int smartbill_http_send_callback(byte[] url, int urlLen, byte[] json, int jsonLen, Pointer options, int timeoutMs, int[] out);
    static native int smartbill_http_submit(Pointer form, Pointer options, int timeoutMs, int[] out);
    static native int smartbill_http_probe(byte[] target, int targetLen, Pointer options, int timeoutMs, int[] httpStatus, int[] elapsedMs);
    static native int smartbill_response_status(Pointer response, int[] status);
    static native int smartbill_response_elapsed_ms(Pointer response, int[] elapsedMs);
    static native int smartbill_response_body(Pointer response, int flags, byte[] buf, int cap, int[] outLen);
    static native int smartbill_response_body_raw(Pointer response, byte[] buf, int cap, int[] outLen);
    static native int smartbill_response_content_type(Pointer response, byte[] buf, int cap, int[] outLen);
    static native void smartbill_response_free(Pointer response);
}
