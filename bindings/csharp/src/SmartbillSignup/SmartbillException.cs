// The one exception type: the library's status, its name and field, and
// its message, all read from the library right after the failing call.
using System;
using System.Collections.Concurrent;

namespace SmartbillSignup
{
    /// <summary>A call into the library failed. <see cref="Status"/> is the
    /// library's number, <see cref="StatusName"/> its stable name
    /// ("BRN_CHECKSUM", the same in every language), <see cref="Field"/> the
    /// parameter, key or argument concerned (null when none) and
    /// <see cref="Exception.Message"/> the library's explanation.</summary>
    [Serializable]
    public class SmartbillException : Exception
    {
        public int Status { get; private set; }
        public string StatusName { get; private set; }
        public string Field { get; private set; }

        public SmartbillException(string message, int status, string statusName, string field)
            : base(message)
        {
            Status = status;
            StatusName = statusName;
            Field = field;
        }

        protected SmartbillException(System.Runtime.Serialization.SerializationInfo info,
                                     System.Runtime.Serialization.StreamingContext context)
            : base(info, context)
        {
            Status = info.GetInt32("Status");
            StatusName = info.GetString("StatusName");
            Field = info.GetString("Field");
        }

        public override void GetObjectData(System.Runtime.Serialization.SerializationInfo info,
                                           System.Runtime.Serialization.StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue("Status", Status);
            info.AddValue("StatusName", StatusName);
            info.AddValue("Field", Field);
        }

        public override string ToString()
        {
            return StatusName + (Field != null ? " (" + Field + ")" : "") + ": " + base.ToString();
        }
    }

    /// <summary>Statuses and the per-thread last error.</summary>
    public static class Errors
    {
        private static readonly ConcurrentDictionary<int, string> Names = new ConcurrentDictionary<int, string>();

        /// <summary>The library's name for a status: "OK", "BRN_CHECKSUM",
        /// ...; "UNKNOWN" for a number it does not know.</summary>
        public static string StatusName(int status)
        {
            Library.EnsureLoaded();
            string name;
            if (!Names.TryGetValue(status, out name))
            {
                name = Utf8.FromStatic(Native.smartbill_status_name(status));
                Names[status] = name;
            }
            return name;
        }

        /// <summary>Throws the exception for <paramref name="status"/> unless
        /// it is OK. Call it right after the failing call, on the same thread:
        /// it reads that thread's last error.</summary>
        internal static void Check(int status)
        {
            if (status != Utf8.Ok) throw For(status);
        }

        internal static SmartbillException For(int status)
        {
            string message = ReadLast(Native.smartbill_last_error);
            string field = ReadLast(Native.smartbill_last_error_field);
            string name = StatusName(status);
            return new SmartbillException(message.Length > 0 ? message : name, status, name,
                                          field.Length > 0 ? field : null);
        }

        private static string ReadLast(Utf8.OutCall call)
        {
            byte[] text;
            return Utf8.CallOut(call, 256, out text) == Utf8.Ok ? Utf8.Decode(text) : "";
        }
    }
}
