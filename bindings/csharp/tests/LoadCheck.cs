// Run in a process of its own (run-tests.sh): the library is missing, or a
// stand-in library reports another ABI version, or the same version but
// another prototype checksum, or no checksum. Every call must fail with a
// clear exception, the same one each time.
using System;
using System.IO;

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
                    bool ok;
                    switch (expect)
                    {
                        case "mismatch":
                            ok = e is InvalidOperationException && e.Message.Contains("ABI version 999")
                                && e.Message.Contains("needs " + Library.AbiVersion);
                            break;
                        case "checksum":
                            // The stand-in reports the header's checksum with its low bit flipped.
                            uint expected = HeaderChecksum();
                            ok = e is InvalidOperationException
                                && e.Message.Contains("prototype checksum 0x" + (expected ^ 1).ToString("x8"))
                                && e.Message.Contains("generated for 0x" + expected.ToString("x8"))
                                && e.Message.Contains("its functions differ");
                            break;
                        case "no-checksum":
                            ok = e is InvalidOperationException && e.Message.Contains("reports no prototype checksum");
                            break;
                        default:
                            ok = e is DllNotFoundException && e.Message.Contains("LD_LIBRARY_PATH")
                                && e.Message.Contains("beside the executable");
                            break;
                    }
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

        /// <summary>SMARTBILL_ABI_CHECKSUM as include/smartbill_signup.h
        /// defines it (run-tests.sh runs this from the repository root).</summary>
        private static uint HeaderChecksum()
        {
            const string Define = "#define SMARTBILL_ABI_CHECKSUM ";
            foreach (string line in File.ReadAllLines(Path.Combine("include", "smartbill_signup.h")))
            {
                if (line.StartsWith(Define, StringComparison.Ordinal)) return uint.Parse(line.Substring(Define.Length));
            }
            throw new InvalidDataException("the header defines no SMARTBILL_ABI_CHECKSUM");
        }
    }
}
