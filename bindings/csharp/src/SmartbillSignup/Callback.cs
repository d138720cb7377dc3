// The callback SmartBill POSTs to the ERP: parsed by the native library,
// held here as plain immutable values (no native handle to dispose).
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;

namespace SmartbillSignup
{
    /// <summary>A parsed SmartBill callback. Properties hold the current
    /// keys' values (trimmed), null when the body did not give the key (or
    /// gave null); UserSbid, ComRegno, AuthCode and AuthToken are always
    /// present. The older guide's keys land in the same places (SBID in
    /// UserSbid, Email in UserEmail, pID in ErpUserId).
    /// <see cref="ToString"/> never shows AuthCode or AuthToken.</summary>
    public sealed class Callback
    {
        private const uint TextUtf8 = 0;
        private const uint TextCp949 = 1;

        private readonly Dictionary<string, string> _values;
        private readonly ReadOnlyCollection<string> _keys;
        private readonly bool _comRegnoValid;
        // Kept to answer Get() for spellings other than the canonical one,
        // and CP949 reads, from the library itself.
        private readonly byte[] _body;
        private readonly ulong _maxBytes;

        private Callback(Dictionary<string, string> values, List<string> keys, bool valid, byte[] body, ulong maxBytes)
        {
            _values = values;
            _keys = keys.AsReadOnly();
            _comRegnoValid = valid;
            _body = body;
            _maxBytes = maxBytes;
        }

        /// <summary>USER_SBID (or SBID): the SmartBill ID.</summary>
        public string UserSbid { get { return Value("USER_SBID"); } }
        public string UserName { get { return Value("USER_NAME"); } }
        /// <summary>USER_EMAIL (or Email).</summary>
        public string UserEmail { get { return Value("USER_EMAIL"); } }
        public string UserPhone { get { return Value("USER_PHONE"); } }
        /// <summary>COM_REGNO as received; see <see cref="ComRegnoValid"/>.</summary>
        public string ComRegno { get { return Value("COM_REGNO"); } }
        public string ComName { get { return Value("COM_NAME"); } }
        public string ComPresident { get { return Value("COM_PRESIDENT"); } }
        public string ComAddress { get { return Value("COM_ADDRESS"); } }
        /// <summary>regYn: "Y" or "N" as sent.</summary>
        public string RegYn { get { return Value("regYn"); } }
        /// <summary>AUTH_CODE: a secret, for SmartBill's Open API.</summary>
        public string AuthCode { get { return Value("AUTH_CODE"); } }
        /// <summary>AUTH_TOKEN: a secret, for SmartBill's Open API.</summary>
        public string AuthToken { get { return Value("AUTH_TOKEN"); } }
        /// <summary>pID: the ERP's user ID (the older guide's callback).</summary>
        public string ErpUserId { get { return Value("pID"); } }

        /// <summary>Whether COM_REGNO passes the business-number rules. A
        /// failing number does not stop the callback (the guide's own sample
        /// fails): store it and flag it.</summary>
        public bool ComRegnoValid { get { return _comRegnoValid; } }

        /// <summary>The keys with a value, in body order: canonical names for
        /// known keys (USER_SBID for SBID), unknown ones as written.</summary>
        public ReadOnlyCollection<string> Keys { get { return _keys; } }

        private string Value(string canonical)
        {
            string value;
            return _values.TryGetValue(canonical, out value) ? value : null;
        }

        /// <summary>The value of any key, in any ASCII case, surrounding
        /// whitespace ignored: current names, the older SBID, Email and pID,
        /// and keys the library does not know. Null when absent or null.</summary>
        public string Get(string key)
        {
            if (key == null) throw new ArgumentNullException("key");
            string value;
            if (_values.TryGetValue(key, out value)) return value;
            byte[] k = Utf8.Encode(key);
            return WithHandle(handle => Has(handle, k, TextUtf8) ? Utf8.Decode(Read(handle, k, TextUtf8)) : null);
        }

        /// <summary>Whether <paramref name="key"/> (as for <see cref="Get"/>) has a value.</summary>
        public bool Has(string key)
        {
            return Get(key) != null;
        }

        /// <summary>The value of <paramref name="key"/> encoded in CP949, for a
        /// legacy database column; null when absent. Throws UNENCODABLE when
        /// CP949 cannot hold a character of it. A key that is not ASCII must
        /// be spelled as in <see cref="Keys"/>.</summary>
        public byte[] GetCp949(string key)
        {
            if (key == null) throw new ArgumentNullException("key");
            return WithHandle(handle =>
            {
                // The CP949 flag covers the key too. An ASCII key is the same
                // bytes in both; another one is taken, in CP949, from the
                // library's own list of keys.
                byte[] k = IsAscii(key) ? Encoding.ASCII.GetBytes(key) : Cp949KeyName(handle, key.Trim());
                return k != null && Has(handle, k, TextCp949) ? Read(handle, k, TextCp949) : null;
            });
        }

        private static bool IsAscii(string text)
        {
            foreach (char c in text) if (c > 0x7F) return false;
            return true;
        }

        private static byte[] Cp949KeyName(CallbackHandle handle, string key)
        {
            UIntPtr count;
            Errors.Check(Native.smartbill_callback_key_count(handle, out count));
            for (ulong i = 0; i < count.ToUInt64(); i++)
            {
                if (Utf8.Decode(KeyName(handle, i, TextUtf8)) == key) return KeyName(handle, i, TextCp949);
            }
            return null;
        }

        private static byte[] KeyName(CallbackHandle handle, ulong i, uint flags)
        {
            UIntPtr index = new UIntPtr(i);
            byte[] raw;
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_callback_key_name(handle, index, flags, buf, cap, out len), out raw));
            return raw;
        }

        /// <summary>Every key with its value, secrets included: keep it out of logs.</summary>
        public Dictionary<string, string> ToDictionary()
        {
            return new Dictionary<string, string>(_values);
        }

        /// <summary>UserSbid, ComRegno, ComRegnoValid and the key names, never
        /// the values of the other keys: the auth code and token are secrets,
        /// and the rest is personal data.</summary>
        public override string ToString()
        {
            return "Callback(UserSbid=" + UserSbid + ", ComRegno=" + ComRegno + ", ComRegnoValid=" +
                   (ComRegnoValid ? "true" : "false") + ", Keys=[" + string.Join(", ", _keys) + "])";
        }

        /// <summary>Parses the raw body SmartBill POSTed (bytes as received).
        /// <paramref name="maxBytes"/> is the size limit (0: the library's
        /// 64 KiB); read at most maxBytes + 1 bytes of the request and pass
        /// them all, so that a larger body is refused as CALLBACK_TOO_LARGE.
        /// Throws CALLBACK_TOO_LARGE, INVALID_TEXT, CALLBACK_JSON,
        /// CALLBACK_SHAPE or CALLBACK_MISSING (Field names the key). Messages
        /// never contain the auth code or token.</summary>
        public static Callback Parse(byte[] body, long maxBytes = 0)
        {
            if (body == null) throw new ArgumentNullException("body");
            if (maxBytes < 0) throw new ArgumentOutOfRangeException("maxBytes", "a size in bytes, 0 for the default");
            Library.EnsureLoaded();
            byte[] copy = (byte[])body.Clone();
            ulong limit = (ulong)maxBytes;
            using (CallbackHandle handle = Open(copy, limit))
            {
                return ReadAll(handle, copy, limit);
            }
        }

        /// <summary>As <see cref="Parse(byte[], long)"/>, for a body already
        /// decoded to text (sent as UTF-8).</summary>
        public static Callback Parse(string body, long maxBytes = 0)
        {
            if (body == null) throw new ArgumentNullException("body");
            return Parse(Utf8.Encode(body), maxBytes);
        }

        private static CallbackHandle Open(byte[] body, ulong maxBytes)
        {
            CallbackHandle handle;
            int status = Native.smartbill_callback_parse(body, Utf8.Len(body), new UIntPtr(maxBytes), out handle);
            if (status != Utf8.Ok)
            {
                handle.Dispose();
                throw Errors.For(status);
            }
            return handle;
        }

        private T WithHandle<T>(Func<CallbackHandle, T> read)
        {
            using (CallbackHandle handle = Open(_body, _maxBytes)) return read(handle);
        }

        /// <summary>The callback behind a handle made from <paramref name="body"/>
        /// (a receiver's record).</summary>
        internal static Callback FromHandle(CallbackHandle handle, byte[] body)
        {
            return ReadAll(handle, body, (ulong)Math.Max(body.Length, 65536));
        }

        private static Callback ReadAll(CallbackHandle handle, byte[] body, ulong maxBytes)
        {
            UIntPtr count;
            Errors.Check(Native.smartbill_callback_key_count(handle, out count));
            var values = new Dictionary<string, string>();
            var keys = new List<string>();
            for (ulong i = 0; i < count.ToUInt64(); i++)
            {
                byte[] raw = KeyName(handle, i, TextUtf8);
                string name = Utf8.Decode(raw);
                // The library trims the key it is asked for and refuses an
                // empty one, so an unknown key that is blank or padded with
                // whitespace (never in SmartBill's bodies) cannot be read back:
                // it is left out rather than given another key's value.
                if (name.Length == 0 || name != name.Trim()) continue;
                values[name] = Utf8.Decode(Read(handle, raw, TextUtf8));
                keys.Add(name);
            }
            int valid;
            Errors.Check(Native.smartbill_callback_com_regno_valid(handle, out valid));
            return new Callback(values, keys, valid == 1, body, maxBytes);
        }

        private static bool Has(CallbackHandle handle, byte[] key, uint flags)
        {
            int present;
            Errors.Check(Native.smartbill_callback_has(handle, key, Utf8.Len(key), flags, out present));
            return present == 1;
        }

        private static byte[] Read(CallbackHandle handle, byte[] key, uint flags)
        {
            byte[] value;
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_callback_get(handle, key, Utf8.Len(key), flags, buf, cap, out len), out value));
            return value;
        }

        /// <summary>Whether a request from <paramref name="ip"/> (the TCP peer
        /// address, never a header such as X-Forwarded-For) may deliver a
        /// callback: SmartBill's address for <paramref name="environment"/>
        /// ("production": 183.111.188.210, "demo": 58.181.27.5) or one of
        /// <paramref name="extraIps"/> (separated by commas, semicolons,
        /// spaces or newlines). Anything that is not exactly an address is
        /// simply not allowed. Throws INVALID_ARGUMENT for an unknown
        /// environment or a malformed extra address (a configuration error).</summary>
        public static bool SourceAllowed(string ip, string environment = "production", string extraIps = null)
        {
            if (ip == null) throw new ArgumentNullException("ip");
            if (environment == null) throw new ArgumentNullException("environment");
            Library.EnsureLoaded();
            byte[] env = Utf8.Encode(environment);
            byte[] address = Utf8.Encode(ip);
            byte[] extras = Utf8.Encode(extraIps);
            int allowed;
            Errors.Check(Native.smartbill_callback_source_allowed(env, Utf8.Len(env), address, Utf8.Len(address),
                                                                   extras, Utf8.Len(extras), out allowed));
            return allowed == 1;
        }

        /// <summary>As <see cref="SourceAllowed(string, string, string)"/>
        /// with the extra addresses as a list.</summary>
        public static bool SourceAllowed(string ip, string environment, IEnumerable<string> extraIps)
        {
            return SourceAllowed(ip, environment, extraIps == null ? null : string.Join(",", extraIps));
        }
    }
}
