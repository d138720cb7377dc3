// SafeHandle subclasses for the library's opaque handles: the runtime
// releases them exactly once, even when a thread is aborted or the owner is
// never disposed. A NULL handle (what the library writes on failure) is
// "invalid" and never released.
using System;
using System.Runtime.InteropServices;

namespace SmartbillSignup
{
    internal abstract class NativeHandle : SafeHandle
    {
        protected NativeHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }
    }

    /// <summary>A SmartbillForm *.</summary>
    internal sealed class FormHandle : NativeHandle
    {
        protected override bool ReleaseHandle()
        {
            Native.smartbill_form_free(handle);
            return true;
        }
    }

    /// <summary>A SmartbillCallback *.</summary>
    internal sealed class CallbackHandle : NativeHandle
    {
        protected override bool ReleaseHandle()
        {
            Native.smartbill_callback_free(handle);
            return true;
        }
    }

    /// <summary>A SmartbillResponse *.</summary>
    internal sealed class ResponseHandle : NativeHandle
    {
        protected override bool ReleaseHandle()
        {
            Native.smartbill_response_free(handle);
            return true;
        }
    }

    /// <summary>A SmartbillHttpOptions *.</summary>
    internal sealed class HttpOptionsHandle : NativeHandle
    {
        protected override bool ReleaseHandle()
        {
            Native.smartbill_http_options_free(handle);
            return true;
        }
    }

    /// <summary>A SmartbillReceiverOptions *.</summary>
    internal sealed class ReceiverOptionsHandle : NativeHandle
    {
        protected override bool ReleaseHandle()
        {
            Native.smartbill_receiver_options_free(handle);
            return true;
        }
    }

    /// <summary>A SmartbillReceiver *. Releasing it never waits for a thread
    /// (a running receiver is only told to stop), so the finalizer thread may.</summary>
    internal sealed class ReceiverHandle : NativeHandle
    {
        protected override bool ReleaseHandle()
        {
            Native.smartbill_receiver_free(handle);
            return true;
        }
    }

    /// <summary>A SmartbillRecord *.</summary>
    internal sealed class RecordHandle : NativeHandle
    {
        protected override bool ReleaseHandle()
        {
            Native.smartbill_record_free(handle);
            return true;
        }
    }
}
