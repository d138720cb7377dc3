// Every function of the C ABI (include/smartbill_signup.h), declared once.
//
// Rules kept here for every declaration:
// - CallingConvention.Cdecl always: the library is plain C, and 32-bit
//   Windows would otherwise assume stdcall and corrupt the stack.
// - Text goes in as byte[] plus an explicit length (UTF-8 encoded by Utf8),
//   because UnmanagedType.LPUTF8Str is missing before .NET Framework 4.7.
// - ptrdiff_t is IntPtr and size_t is UIntPtr, so the same assembly works
//   in 32-bit and 64-bit processes.
// - Handles are SafeHandle subclasses (Handles.cs), released reliably.
using System;
using System.Runtime.InteropServices;

namespace SmartbillSignup
{
    internal static class Native
    {
        // Mono and .NET Framework both map this to smartbill_signup.dll,
        // libsmartbill_signup.so or libsmartbill_signup.dylib.
        internal const string Lib = "smartbill_signup";
        private const CallingConvention Cdecl = CallingConvention.Cdecl;

        // Versions and errors.
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern uint smartbill_abi_version();
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr smartbill_version();
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr smartbill_status_name(int status);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_last_error(byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_last_error_field(byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_last_error_status();
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_selftest_panic();

        // Business numbers.
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_brn_check(byte[] brn, IntPtr brnLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_brn_normalize(byte[] brn, IntPtr brnLen, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_brn_format(byte[] brn, IntPtr brnLen, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_brn_kind(byte[] brn, IntPtr brnLen, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_brn_check_many(byte[] data, IntPtr dataLen, byte separator, [Out] int[] statuses, UIntPtr statusesCap, out UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_brn_check_array(IntPtr[] items, IntPtr[] lengths, UIntPtr count, [Out] int[] statuses);

        // Signup form.
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_new(byte[] environment, IntPtr environmentLen, out FormHandle form);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void smartbill_form_free(IntPtr form);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_set(FormHandle form, byte[] name, IntPtr nameLen, byte[] value, IntPtr valueLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_set_option(FormHandle form, byte[] name, IntPtr nameLen, byte[] value, IntPtr valueLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_option(FormHandle form, byte[] name, IntPtr nameLen, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_validate(FormHandle form);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_html(FormHandle form, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_urlencoded(FormHandle form, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_action_url(FormHandle form, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern UIntPtr smartbill_form_field_count();
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr smartbill_form_field_name(UIntPtr index);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern UIntPtr smartbill_form_field_max_len(UIntPtr index);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_form_field_required(UIntPtr index);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern IntPtr smartbill_form_field_rule(UIntPtr index);

        // Callback.
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_callback_parse(byte[] body, IntPtr bodyLen, UIntPtr maxBytes, out CallbackHandle cb);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void smartbill_callback_free(IntPtr cb);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_callback_get(CallbackHandle cb, byte[] key, IntPtr keyLen, uint flags, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_callback_has(CallbackHandle cb, byte[] key, IntPtr keyLen, uint flags, out int present);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_callback_com_regno_valid(CallbackHandle cb, out int valid);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_callback_key_count(CallbackHandle cb, out UIntPtr count);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_callback_key_name(CallbackHandle cb, UIntPtr index, uint flags, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_callback_source_allowed(byte[] environment, IntPtr environmentLen, byte[] ip, IntPtr ipLen, byte[] extraIps, IntPtr extraIpsLen, out int allowed);

        // HTTP.
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_http_options_new(out HttpOptionsHandle options);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_http_options_set(HttpOptionsHandle options, byte[] name, IntPtr nameLen, byte[] value, IntPtr valueLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void smartbill_http_options_free(IntPtr options);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_http_send_callback(byte[] url, IntPtr urlLen, byte[] json, IntPtr jsonLen, HttpOptionsHandle options, uint timeoutMs, out ResponseHandle response);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_http_submit(FormHandle form, HttpOptionsHandle options, uint timeoutMs, out ResponseHandle response);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_http_probe(byte[] target, IntPtr targetLen, HttpOptionsHandle options, uint timeoutMs, out int httpStatus, out uint elapsedMs);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_response_status(ResponseHandle response, out int status);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_response_elapsed_ms(ResponseHandle response, out uint elapsedMs);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_response_body(ResponseHandle response, uint flags, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_response_body_raw(ResponseHandle response, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern int smartbill_response_content_type(ResponseHandle response, byte[] buf, UIntPtr cap, out UIntPtr outLen);
        [DllImport(Lib, CallingConvention = Cdecl)] internal static extern void smartbill_response_free(IntPtr response);
    }
}
