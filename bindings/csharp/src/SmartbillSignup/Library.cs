// Loading the native library once and refusing a mismatched one.
using System;
using System.Runtime.InteropServices;

namespace SmartbillSignup
{
    /// <summary>The native library: its versions, and the load-time check
    /// every public entry point makes before its first native call.</summary>
    public static class Library
    {
        /// <summary>The SMARTBILL_ABI_VERSION of the header this wrapper was
        /// generated from.</summary>
        public const uint AbiVersion = Native.SMARTBILL_ABI_VERSION;

        private static readonly object Gate = new object();
        private static volatile bool _checked;
        private static Exception _failure;

        /// <summary>The native library's version, e.g. "0.1.0".</summary>
        public static string Version
        {
            get
            {
                EnsureLoaded();
                return Utf8.FromStatic(Native.smartbill_version());
            }
        }

        /// <summary>Loads the library and compares its ABI version with
        /// <see cref="AbiVersion"/> and the checksum of its prototypes with the
        /// one the declarations (Native.cs) were generated with; throws the
        /// same clear exception on every call when the library is missing or
        /// mismatched.</summary>
        public static void EnsureLoaded()
        {
            if (!_checked)
            {
                lock (Gate)
                {
                    if (!_checked)
                    {
                        _failure = Check();
                        _checked = true; // volatile write after _failure: readers see both
                    }
                }
            }
            if (_failure != null) Rethrow();
        }

        private static void Rethrow()
        {
            // A new exception each time, so that stack traces show the caller.
            if (_failure is DllNotFoundException)
                throw new DllNotFoundException(_failure.Message, _failure.InnerException);
            throw new InvalidOperationException(_failure.Message, _failure.InnerException);
        }

        private const string SameRelease = "deploy the library and SmartbillSignup.dll from the same release.";

        /// <summary>The x86\ or x64\ DLL loaded for this process on Windows
        /// (see WindowsDll), or null when the usual search found the library.</summary>
        public static string PreloadedPath { get; private set; }

        private static Exception Check()
        {
            try
            {
                PreloadedPath = WindowsDll.Preload();
            }
            catch (DllNotFoundException e)
            {
                return e;
            }
            uint found;
            try
            {
                found = Native.smartbill_abi_version();
            }
            catch (DllNotFoundException e)
            {
                return new DllNotFoundException(
                    "SmartbillSignup: cannot load the native library " + Native.Lib + " (" + e.Message + "). " +
                    "On Windows put smartbill_signup.dll (the build matching the process: x86 or x64) beside the " +
                    "executable, or both builds in x86\\ and x64\\ folders beside it (the NuGet package does); " +
                    "on Mono/Linux set LD_LIBRARY_PATH to the folder of libsmartbill_signup.so " +
                    "or add a <dllmap> in SmartbillSignup.dll.config.", e);
            }
            catch (EntryPointNotFoundException e)
            {
                return new InvalidOperationException(
                    "SmartbillSignup: the library found as " + Native.Lib + " is not smartbill_signup " +
                    "(it has no smartbill_abi_version).", e);
            }
            catch (BadImageFormatException e)
            {
                return new DllNotFoundException(
                    "SmartbillSignup: " + Native.Lib + " is built for another architecture than this " +
                    (IntPtr.Size == 4 ? "32-bit" : "64-bit") + " process; use the matching x86 or x64 DLL.", e);
            }
            if (found != AbiVersion)
            {
                return new InvalidOperationException(
                    "SmartbillSignup: the native library has ABI version " + found + ", this wrapper needs " +
                    AbiVersion + "; " + SameRelease);
            }
            uint checksum;
            try
            {
                checksum = Native.smartbill_abi_checksum();
            }
            catch (EntryPointNotFoundException e)
            {
                return new InvalidOperationException(
                    "SmartbillSignup: the native library reports no prototype checksum (it is older than " +
                    "this wrapper); " + SameRelease, e);
            }
            if (checksum != Native.SMARTBILL_ABI_CHECKSUM)
            {
                return new InvalidOperationException(
                    "SmartbillSignup: the native library has prototype checksum 0x" + checksum.ToString("x8") +
                    ", this wrapper was generated for 0x" + Native.SMARTBILL_ABI_CHECKSUM.ToString("x8") +
                    ": its functions differ; " + SameRelease);
            }
            return null;
        }

        /// <summary>Makes the library panic on purpose and throws the
        /// INTERNAL error it returns: proof that a panic never crosses into
        /// .NET. For tests and support diagnostics.</summary>
        public static void SelfTestPanic()
        {
            EnsureLoaded();
            Errors.Check(Native.smartbill_selftest_panic());
        }
    }
}
