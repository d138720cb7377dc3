// Business registration numbers (사업자등록번호): every rule is in the
// native library; these methods carry numbers to it and answers back.
using System;
using System.Collections.Generic;
using System.IO;

namespace SmartbillSignup
{
    /// <summary>Korean business registration numbers: ten digits written
    /// XXX-XX-XXXXX. Dashes, inner spaces and surrounding whitespace are
    /// accepted. Failures throw <see cref="SmartbillException"/> with
    /// BRN_FORMAT, BRN_LENGTH, BRN_COMPONENT or BRN_CHECKSUM (bytes that
    /// are not UTF-8, such as CP949 Hangul, are BRN_FORMAT too).</summary>
    public static class Brn
    {
        // The batch separator. NUL rather than a newline: numbers read from
        // a file may end in "\n", which is whitespace inside a number.
        private const byte Separator = 0;

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
        public static bool[] AreValid(IEnumerable<string> numbers)
        {
            int[] statuses = Statuses(numbers);
            var valid = new bool[statuses.Length];
            for (int i = 0; i < statuses.Length; i++) valid[i] = statuses[i] == Utf8.Ok;
            return valid;
        }

        /// <summary>The status name of each number ("OK", "BRN_CHECKSUM",
        /// ...), in order, checked as by <see cref="AreValid"/>.</summary>
        public static string[] CheckAll(IEnumerable<string> numbers)
        {
            int[] statuses = Statuses(numbers);
            var names = new string[statuses.Length];
            for (int i = 0; i < statuses.Length; i++) names[i] = Errors.StatusName(statuses[i]);
            return names;
        }

        private static int[] Statuses(IEnumerable<string> numbers)
        {
            if (numbers == null) throw new ArgumentNullException("numbers");
            Library.EnsureLoaded();
            var items = new List<byte[]>();
            foreach (string number in numbers)
            {
                if (number == null) throw new ArgumentNullException("numbers", "numbers[" + items.Count + "] is null");
                items.Add(Utf8.Encode(number));
            }
            var statuses = new int[items.Count];
            // An item holding the separator (never a valid number) is checked
            // on its own so that it cannot split in two; the rest go together.
            var batched = new List<int>(items.Count);
            var data = new MemoryStream();
            for (int i = 0; i < items.Count; i++)
            {
                if (Array.IndexOf(items[i], Separator) >= 0)
                {
                    statuses[i] = Native.smartbill_brn_check(items[i], Utf8.Len(items[i]));
                    continue;
                }
                data.Write(items[i], 0, items[i].Length);
                data.WriteByte(Separator); // every item ended, so an empty last item is kept
                batched.Add(i);
            }
            if (batched.Count == 0) return statuses;
            var batchStatuses = new int[batched.Count];
            UIntPtr count;
            byte[] bytes = data.ToArray();
            Errors.Check(Native.smartbill_brn_check_many(bytes, Utf8.Len(bytes), Separator, batchStatuses,
                                                         new UIntPtr((uint)batchStatuses.Length), out count));
            if (count.ToUInt64() != (ulong)batched.Count)
                throw new InvalidOperationException("smartbill_brn_check_many saw " + count + " numbers, " + batched.Count + " were sent");
            for (int j = 0; j < batched.Count; j++) statuses[batched[j]] = batchStatuses[j];
            return statuses;
        }

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
