// A program that uses the released NuGet package as a .NET user would:
// compiled by mcs against the package's lib/netstandard2.0/SmartbillSignup.dll
// (and Mono's netstandard facade) only, run on Mono with the library from
// the package's runtimes/linux-x64/native/. Prints what it did; exits
// non-zero if anything is not as expected.
// Usage: mono Consumer.exe EXPECTED_VERSION
using System;
using SmartbillSignup;

internal static class Consumer
{
    private static int _failures;

    private static void Check(bool ok, string what)
    {
        Console.WriteLine((ok ? "ok   " : "FAIL ") + what);
        if (!ok) _failures++;
    }

    private static int Main(string[] args)
    {
        Check(args[0] == Library.Version, "library version " + Library.Version);
        Check(Brn.Validate("124-81-00998") == "1248100998", "Brn.Validate");
        try
        {
            Brn.Validate("124-81-00997");
            Check(false, "a bad check digit is refused");
        }
        catch (SmartbillException e)
        {
            Check(e.StatusName == "BRN_CHECKSUM", "a bad check digit is refused: " + e.StatusName);
        }
        using (var form = new SignupForm("demo"))
        {
            form.Set("pComRegNo", "124-81-00998");
            form.Set("pMIGRATIONFLAG", "TEST11");
            form.Set("pComName", "(주)스마트빌");
            Check(form.Html().Contains("name=\"pComName\" value=\"(주)스마트빌\""), "SignupForm.Html");
        }
        Callback cb = Callback.Parse("{\"USER_SBID\":\"erp01\",\"COM_REGNO\":\"1248100998\"," +
            "\"AUTH_CODE\":\"13F89DFEK99D4474A67EABE8F7258AA5\",\"AUTH_TOKEN\":\"dG9rZW4=\"}");
        Check(cb.UserSbid == "erp01", "Callback.Parse");
        Check(Library.PreloadedPath == null, "no Windows preload on Linux");
        Console.WriteLine(_failures == 0 ? "csharp consumer: all passed" : "csharp consumer: " + _failures + " failed");
        return _failures == 0 ? 0 : 1;
    }
}
