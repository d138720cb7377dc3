// Run in a process of its own (run-tests.sh): the library is missing, or a
// stand-in library reports another ABI version. Either way every call must
// fail with a clear exception, the same one each time.
using System;

namespace SmartbillSignup.Tests
{
    internal static class LoadCheck
    {
        public static int Run(string expect)
        {
            int failed = 0;
            for (int attempt = 1; attempt <= 2; attempt++)
            {
                try
                {
                    Brn.IsValid("124-81-00998");
                    Console.WriteLine("FAIL load " + expect + ": call " + attempt + " succeeded");
                    failed++;
                }
                catch (Exception e)
                {
                    bool ok = expect == "mismatch"
                        ? e is InvalidOperationException && e.Message.Contains("ABI version 999") && e.Message.Contains("needs " + Library.AbiVersion)
                        : e is DllNotFoundException && e.Message.Contains("LD_LIBRARY_PATH") && e.Message.Contains("beside the executable");
                    if (!ok)
                    {
                        Console.WriteLine("FAIL load " + expect + ": " + e.GetType().Name + ": " + e.Message);
                        failed++;
                    }
                }
            }
            Console.WriteLine("csharp load " + expect + ": " + (2 - failed) + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }
}
