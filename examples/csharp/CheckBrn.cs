// Checks the business numbers given as arguments and prints each one's
// status, formatted form and kind: the shortest C# program on the released
// package (see the README's Install section).
//   mcs -r:SmartbillSignup.dll CheckBrn.cs     (csc on Windows)
//   mono CheckBrn.exe 124-81-00998 123-45-67890
using System;
using SmartbillSignup;

internal static class CheckBrn
{
    private static void Main(string[] args)
    {
        foreach (string number in args)
        {
            try
            {
                Brn.Validate(number);
                Console.WriteLine("{0,-14} {1,-14} {2} {3}", number, "OK", Brn.Format(number), Brn.Kind(number));
            }
            catch (SmartbillException e)
            {
                Console.WriteLine("{0,-14} {1,-14} {2}", number, e.StatusName, e.Message);
            }
        }
    }
}
