// Text across the boundary: strings in as UTF-8 bytes with their length,
// results out through caller-owned buffers with the ABI's size protocol.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace SmartbillSignup
{
    internal static class Utf8
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>The status the ABI fixes for every caller.</summary>
        internal const int Ok = 0;
        internal const int BufferTooSmall = 4;

        // Large enough for every short result (numbers, names, values);
        // longer ones are retried once with the size the library reports.
        private const int FirstCapacity = 128;

        /// <summary>The UTF-8 bytes of <paramref name="text"/>; null stays
        /// null (the ABI reads NULL with length 0 as the empty text). A lone
        /// surrogate is sent as the bytes it would have in generalized UTF-8,
        /// which are not UTF-8, so the library reports INVALID_TEXT for it
        /// rather than this wrapper silently replacing it.</summary>
        internal static byte[] Encode(string text)
        {
            if (text == null) return null;
            try
            {
                return Strict.GetBytes(text);
            }
            catch (EncoderFallbackException)
            {
                return EncodeLoose(text);
            }
        }

        private static byte[] EncodeLoose(string text)
        {
            var bytes = new System.Collections.Generic.List<byte>(text.Length * 3);
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    c = char.ConvertToUtf32(text[i], text[i + 1]);
                    i++;
                }
                if (c < 0x80) bytes.Add((byte)c);
                else if (c < 0x800) { bytes.Add((byte)(0xC0 | c >> 6)); bytes.Add((byte)(0x80 | c & 0x3F)); }
                else if (c < 0x10000)
                {
                    bytes.Add((byte)(0xE0 | c >> 12));
                    bytes.Add((byte)(0x80 | c >> 6 & 0x3F));
                    bytes.Add((byte)(0x80 | c & 0x3F));
                }
                else
                {
                    bytes.Add((byte)(0xF0 | c >> 18));
                    bytes.Add((byte)(0x80 | c >> 12 & 0x3F));
                    bytes.Add((byte)(0x80 | c >> 6 & 0x3F));
                    bytes.Add((byte)(0x80 | c & 0x3F));
                }
            }
            return bytes.ToArray();
        }

        /// <summary>The length argument for a text: its byte count (never
        /// "NUL-terminated", so embedded NULs reach the library).</summary>
        internal static IntPtr Len(byte[] data)
        {
            return new IntPtr(data == null ? 0 : data.Length);
        }

        internal static string Decode(byte[] data)
        {
            return Encoding.UTF8.GetString(data);
        }

        /// <summary>A static NUL-terminated string the library owns.</summary>
        internal static string FromStatic(IntPtr text)
        {
            if (text == IntPtr.Zero) return null;
            int n = 0;
            while (Marshal.ReadByte(text, n) != 0) n++;
            var bytes = new byte[n];
            Marshal.Copy(text, bytes, 0, n);
            return Encoding.UTF8.GetString(bytes);
        }

        internal delegate int OutCall(byte[] buf, UIntPtr cap, out UIntPtr outLen);

        /// <summary>Calls <paramref name="call"/> with a buffer and returns its
        /// status, with the bytes written in <paramref name="result"/> when it
        /// is OK. On BUFFER_TOO_SMALL (nothing written, the size needed in
        /// out_len) it calls once more with room for that size and the NUL.</summary>
        internal static int CallOut(OutCall call, int capacity, out byte[] result)
        {
            result = null;
            int status = BufferTooSmall;
            for (int attempt = 0; attempt < 2; attempt++)
            {
                var buf = new byte[capacity];
                UIntPtr needed;
                status = call(buf, new UIntPtr((uint)capacity), out needed);
                ulong length = needed.ToUInt64();
                if (status == Ok)
                {
                    if (length > (ulong)capacity) break; // never happens: the library keeps its word
                    result = new byte[length];
                    Buffer.BlockCopy(buf, 0, result, 0, (int)length);
                    return Ok;
                }
                if (status != BufferTooSmall || length < (ulong)capacity) return status;
                if (length >= int.MaxValue) throw new OutOfMemoryException("SmartbillSignup: the library reports an output of " + length + " bytes");
                capacity = (int)length + 1;
            }
            return status;
        }

        internal static int CallOut(OutCall call, out byte[] result)
        {
            return CallOut(call, FirstCapacity, out result);
        }
    }
}
