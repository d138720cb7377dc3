// The business-number batch behind Brn.AreValid and Brn.CheckAll: every
// number's UTF-8 bytes one after another in one pinned buffer, each one's
// address and length, and one smartbill_brn_check_array call. There is no
// separator, so any byte (NUL included) may be in a number.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace SmartbillSignup
{
    internal sealed class BrnBatch
    {
        // A thread keeps its arrays for its next batch of up to KeptNumbers
        // numbers and KeptBytes bytes, so that such a batch allocates only
        // its result: Mono puts every array over 8 KB in its large-object
        // space, where allocating the arrays cost more than checking the
        // numbers in them.
        private const int KeptNumbers = 16384;
        private const int KeptBytes = 256 * 1024;
        [ThreadStatic] private static BrnBatch kept;

        private byte[] data;
        private readonly IntPtr[] items;
        private readonly IntPtr[] lengths;
        private readonly int[] statuses;
        private int count;

        private BrnBatch(int numbers, long bytes)
        {
            data = new byte[Size(Math.Max(1, bytes))];
            items = new IntPtr[numbers];
            lengths = new IntPtr[numbers];
            statuses = new int[numbers];
        }

        // Arrays for count numbers, with room for bytes bytes.
        private static BrnBatch For(int count, long bytes)
        {
            BrnBatch batch = kept;
            if (count > KeptNumbers || bytes > KeptBytes) batch = new BrnBatch(count, bytes);
            else if (batch == null || batch.statuses.Length < count || batch.data.Length < bytes || batch.data.Length > KeptBytes)
            {
                int numbers = batch == null ? count : Math.Min(KeptNumbers, Math.Max(count, 2 * batch.statuses.Length));
                long room = batch == null ? bytes : Math.Min(KeptBytes, Math.Max(bytes, 2L * Math.Min(batch.data.Length, KeptBytes)));
                kept = batch = new BrnBatch(numbers, room);
            }
            batch.count = count;
            return batch;
        }

        /// <summary>Checks the numbers (UTF-8 each; an ASCII string, the
        /// usual number, is copied as it is, anything else goes through
        /// Utf8.Encode).</summary>
        internal static unsafe BrnBatch Check(IEnumerable<string> numbers)
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
            // Room for every char as one byte; grows only for text that is not ASCII.
            BrnBatch batch = For(count, chars);
            IntPtr[] lengths = batch.lengths;
            int used = 0;
            for (int i = 0; i < count; i++)
            {
                // ASCII numbers in a row, straight into the buffer
                // (data.Length - used >= chars holds throughout).
                fixed (byte* start = batch.data)
                {
                    for (; i < count; i++)
                    {
                        string number = list[i];
                        if (!CopyAscii(number, start + used)) break;
                        used += number.Length;
                        chars -= number.Length;
                        lengths[i] = new IntPtr(number.Length);
                    }
                }
                if (i == count) break;
                // One that is not: its UTF-8 bytes, keeping room for the rest.
                string text = list[i];
                byte[] bytes = Utf8.Encode(text);
                chars -= text.Length;
                long needed = (long)used + bytes.Length + chars;
                if (needed > batch.data.Length)
                    Array.Resize(ref batch.data, Size(Math.Max(needed, Math.Min(2L * batch.data.Length, int.MaxValue))));
                Buffer.BlockCopy(bytes, 0, batch.data, used, bytes.Length);
                used += bytes.Length;
                lengths[i] = new IntPtr(bytes.Length);
            }
            batch.Run();
            return batch;
        }

        /// <summary>Checks the numbers, UTF-8 bytes each.</summary>
        internal static BrnBatch Check(IEnumerable<byte[]> numbers)
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
            BrnBatch batch = For(count, total);
            int used = 0;
            for (int i = 0; i < count; i++)
            {
                byte[] number = list[i];
                Buffer.BlockCopy(number, 0, batch.data, used, number.Length);
                used += number.Length;
                batch.lengths[i] = new IntPtr(number.Length);
            }
            batch.Run();
            return batch;
        }

        private static readonly bool LittleEndian = BitConverter.IsLittleEndian;

        // Copies text to target, one byte per char, if every char is ASCII;
        // false (with some bytes written) if one is not.
        private static unsafe bool CopyAscii(string text, byte* target)
        {
            int n = text.Length, i = 0;
            fixed (char* source = text)
            {
                if (LittleEndian)
                {
                    // Four chars at a time: one test for all four.
                    for (; i + 4 <= n; i += 4)
                    {
                        ulong four = *(ulong*)(source + i);
                        if ((four & 0xFF80FF80FF80FF80UL) != 0) return false;
                        target[i] = (byte)four;
                        target[i + 1] = (byte)(four >> 16);
                        target[i + 2] = (byte)(four >> 32);
                        target[i + 3] = (byte)(four >> 48);
                    }
                }
                for (; i < n; i++)
                {
                    char c = source[i];
                    if (c >= 0x80) return false;
                    target[i] = (byte)c;
                }
            }
            return true;
        }

        private static int Size(long bytes)
        {
            if (bytes > int.MaxValue) throw new ArgumentException("the numbers hold more than 2 GiB of text", "numbers");
            return (int)bytes;
        }

        // The one native call: each number's address in the pinned buffer
        // and its length.
        private void Run()
        {
            if (count == 0) return;
            Library.EnsureLoaded();
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
        }

        /// <summary>Whether each number is valid.</summary>
        internal bool[] Valid()
        {
            var valid = new bool[count];
            for (int i = 0; i < valid.Length; i++) valid[i] = statuses[i] == Utf8.Ok;
            return valid;
        }

        // The names of the statuses seen so far, by number (a race only
        // stores the same name twice).
        private static readonly string[] KnownNames = new string[256];

        /// <summary>The status name of each number.</summary>
        internal string[] Names()
        {
            var names = new string[count];
            for (int i = 0; i < names.Length; i++)
            {
                int status = statuses[i];
                string name = (uint)status < (uint)KnownNames.Length ? KnownNames[status] : null;
                if (name == null)
                {
                    name = Errors.StatusName(status);
                    if ((uint)status < (uint)KnownNames.Length) KnownNames[status] = name;
                }
                names[i] = name;
            }
            return names;
        }
    }
}
