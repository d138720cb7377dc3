// Business registration numbers (사업자등록번호): every rule is in the
// native library; these methods carry numbers to it and answers back.
using System;
using System.Collections.Generic;

namespace SmartbillSignup
{
    /// <summary>Korean business registration numbers: ten digits written
    /// XXX-XX-XXXXX. Dashes, inner spaces and surrounding whitespace are
    /// accepted. Failures throw <see cref="SmartbillException"/> with
    /// BRN_FORMAT, BRN_LENGTH, BRN_COMPONENT or BRN_CHECKSUM (bytes that
    /// are not UTF-8, such as CP949 Hangul, are BRN_FORMAT too).</summary>
    public static class Brn
    {
        /// <summary>Checks the number and returns its 10 digits ("1248100998").</summary>
        public static string Validate(string number) { return Validate(Arg(number)); }

        /// <summary>As <see cref="Validate(string)"/>, for UTF-8 bytes.</summary>
        public static string Validate(byte[] number) { return Text(Native.smartbill_brn_normalize, number); }

        /// <summary>The number as XXX-XX-XXXXX ("124-81-00998").</summary>
        public static string Format(string number) { return Format(Arg(number)); }

        public static string Format(byte[] number) { return Text(Native.smartbill_brn_format, number); }

        /// <summary>The kind of a valid number, from its business-type code:
        /// "individual_taxable", "nonprofit_organization", "corporation",
        /// "nonprofit_corporation", "government", "foreign_corporation",
        /// "corporation_branch", "religious_organization" or
        /// "individual_exempt".</summary>
        public static string Kind(string number) { return Kind(Arg(number)); }

        public static string Kind(byte[] number) { return Text(Native.smartbill_brn_kind, number); }

        /// <summary>Whether the number passes every rule; never throws for
        /// its content.</summary>
        public static bool IsValid(string number) { return IsValid(Arg(number)); }

        public static bool IsValid(byte[] number)
        {
            if (number == null) throw new ArgumentNullException("number");
            Library.EnsureLoaded();
            return Native.smartbill_brn_check(number, Utf8.Len(number)) == Utf8.Ok;
        }

        /// <summary>Whether each number is valid, in order, checked in one
        /// native call.</summary>
        public static bool[] AreValid(IEnumerable<string> numbers) { return BrnBatch.Check(numbers).Valid(); }

        /// <summary>As <see cref="AreValid(IEnumerable{string})"/>, for
        /// UTF-8 bytes (any byte, NUL included, may be in a number).</summary>
        public static bool[] AreValid(IEnumerable<byte[]> numbers) { return BrnBatch.Check(numbers).Valid(); }

        /// <summary>The status name of each number ("OK", "BRN_CHECKSUM",
        /// ...), in order, checked as by <see cref="AreValid(IEnumerable{string})"/>.</summary>
        public static string[] CheckAll(IEnumerable<string> numbers) { return BrnBatch.Check(numbers).Names(); }

        /// <summary>As <see cref="CheckAll(IEnumerable{string})"/>, for UTF-8 bytes.</summary>
        public static string[] CheckAll(IEnumerable<byte[]> numbers) { return BrnBatch.Check(numbers).Names(); }

        private delegate int BrnOut(byte[] brn, IntPtr brnLen, byte[] buf, UIntPtr cap, out UIntPtr outLen);

        private static string Text(BrnOut function, byte[] number)
        {
            if (number == null) throw new ArgumentNullException("number");
            Library.EnsureLoaded();
            byte[] result;
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                function(number, Utf8.Len(number), buf, cap, out len), 32, out result));
            return Utf8.Decode(result);
        }

        private static byte[] Arg(string number)
        {
            if (number == null) throw new ArgumentNullException("number");
            return Utf8.Encode(number);
        }
    }
}
