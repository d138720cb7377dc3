// Business registration numbers (사업자등록번호): every rule is in the
// native library; these methods carry numbers to it and answers back.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

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
        public static bool[] AreValid(IEnumerable<string> numbers) { return Valid(Statuses(numbers)); }

        /// <summary>As <see cref="AreValid(IEnumerable{string})"/>, for
        /// UTF-8 bytes (any byte, NUL included, may be in a number).</summary>
        public static bool[] AreValid(IEnumerable<byte[]> numbers) { return Valid(Statuses(numbers)); }

        /// <summary>The status name of each number ("OK", "BRN_CHECKSUM",
        /// ...), in order, checked as by <see cref="AreValid(IEnumerable{string})"/>.</summary>
        public static string[] CheckAll(IEnumerable<string> numbers) { return Names(Statuses(numbers)); }

        /// <summary>As <see cref="CheckAll(IEnumerable{string})"/>, for UTF-8 bytes.</summary>
        public static string[] CheckAll(IEnumerable<byte[]> numbers) { return Names(Statuses(numbers)); }

        private static bool[] Valid(int[] statuses)
        {
            var valid = new bool[statuses.Length];
            for (int i = 0; i < statuses.Length; i++) valid[i] = statuses[i] == Utf8.Ok;
            return valid;
        }

        private static string[] Names(int[] statuses)
        {
            var names = new string[statuses.Length];
            for (int i = 0; i < statuses.Length; i++) names[i] = Errors.StatusName(statuses[i]);
            return names;
        }

        // Every number's UTF-8 bytes, one after another in one buffer, with
        // each one's length: an ASCII string (the usual number) is copied
        // char by char, anything else goes through Utf8.Encode.
        private static int[] Statuses(IEnumerable<string> numbers)
        {
            if (numbers == null) throw new ArgumentNullException("numbers");
            IList<string> list = numbers as IList<string> ?? new List<string>(numbers);
            int count = list.Count;
            long chars = 0;
            for (int i = 0; i < count; i++)
            {
                string number = list[i];
                if (number == null) throw new ArgumentNullException("numbers", "numbers[" + i + "] is null");
                chars += number.Length;
            }
            var data = new byte[Math.Max(1, Size(chars))]; // grows only for text that is not ASCII
            var lengths = new IntPtr[count];
            int used = 0;
            for (int i = 0; i < count; i++)
            {
                string number = list[i];
                int n = number.Length, start = used;
                int c = 0;
                for (; c < n; c++)
                {
                    char ch = number[c];
                    if (ch >= 0x80) break;
                    data[used++] = (byte)ch;
                }
                if (c < n)
                {
                    byte[] bytes = Utf8.Encode(number);
                    used = start;
                    long needed = (long)used + bytes.Length + (chars - n);
                    if (needed > data.Length) Array.Resize(ref data, Size(Math.Max(needed, Math.Min(2L * data.Length, int.MaxValue))));
                    Buffer.BlockCopy(bytes, 0, data, used, bytes.Length);
                    used += bytes.Length;
                }
                chars -= n;
                lengths[i] = new IntPtr(used - start);
            }
            return CheckArray(data, lengths);
        }

        private static int[] Statuses(IEnumerable<byte[]> numbers)
        {
            if (numbers == null) throw new ArgumentNullException("numbers");
            IList<byte[]> list = numbers as IList<byte[]> ?? new List<byte[]>(numbers);
            int count = list.Count;
            long total = 0;
            for (int i = 0; i < count; i++)
            {
                if (list[i] == null) throw new ArgumentNullException("numbers", "numbers[" + i + "] is null");
                total += list[i].Length;
            }
            var data = new byte[Math.Max(1, Size(total))];
            var lengths = new IntPtr[count];
            int used = 0;
            for (int i = 0; i < count; i++)
            {
                byte[] number = list[i];
                Buffer.BlockCopy(number, 0, data, used, number.Length);
                used += number.Length;
                lengths[i] = new IntPtr(number.Length);
            }
            return CheckArray(data, lengths);
        }

        private static int Size(long bytes)
        {
            if (bytes > int.MaxValue) throw new ArgumentException("the numbers hold more than 2 GiB of text", "numbers");
            return (int)bytes;
        }

        // One smartbill_brn_check_array call: the address of each number in
        // the pinned buffer and its length; no separator, so any byte may
        // be in a number.
        private static int[] CheckArray(byte[] data, IntPtr[] lengths)
        {
            int count = lengths.Length;
            var statuses = new int[count];
            if (count == 0) return statuses;
            Library.EnsureLoaded();
            var items = new IntPtr[count];
            GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
            try
            {
                IntPtr at = pin.AddrOfPinnedObject();
                for (int i = 0; i < count; i++)
                {
                    items[i] = at;
                    at = IntPtr.Add(at, (int)lengths[i]);
                }
                Errors.Check(Native.smartbill_brn_check_array(items, lengths, new UIntPtr((uint)count), statuses));
            }
            finally
            {
                pin.Free();
            }
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
