// The embedded callback receiver: SmartBill's callback endpoint without a
// web server, on background threads of this process. The library enforces
// every endpoint rule and commits each callback to its SQLite store before
// answering 200; this class hands the stored callbacks to the ERP.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace SmartbillSignup
{
    /// <summary>A record and the version of its content handed out: what an
    /// acknowledgement names. <c>ToString()</c> is "number.version".</summary>
    public struct RecordId : IEquatable<RecordId>
    {
        public RecordId(long number, long version)
        {
            Number = number;
            Version = version;
        }

        /// <summary>The record: one per USER_SBID and COM_REGNO, never reused.</summary>
        public long Number { get; }

        /// <summary>The version of its content, from 1.</summary>
        public long Version { get; }

        public bool Equals(RecordId other)
        {
            return Number == other.Number && Version == other.Version;
        }

        public override bool Equals(object obj)
        {
            return obj is RecordId && Equals((RecordId)obj);
        }

        public override int GetHashCode()
        {
            return Number.GetHashCode() * 31 + Version.GetHashCode();
        }

        public override string ToString()
        {
            return Number.ToString(CultureInfo.InvariantCulture) + "." + Version.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>One stored callback as <see cref="Receiver.Next"/> hands it
    /// out. <c>ToString()</c> never shows the auth code, token or body.</summary>
    public sealed class Record
    {
        private readonly byte[] _body;

        internal Record(RecordId id, Callback callback, string peer, DateTimeOffset receivedAt, byte[] body)
        {
            Id = id;
            Callback = callback;
            Peer = peer;
            ReceivedAt = receivedAt;
            _body = body;
        }

        public RecordId Id { get; }

        /// <summary>The usual <see cref="SmartbillSignup.Callback"/>.</summary>
        public Callback Callback { get; }

        /// <summary>The address that delivered this version.</summary>
        public string Peer { get; }

        /// <summary>When this version arrived (UTC).</summary>
        public DateTimeOffset ReceivedAt { get; }

        /// <summary>The body exactly as received (a copy; it holds the secrets).</summary>
        public byte[] Body()
        {
            return (byte[])_body.Clone();
        }

        public override string ToString()
        {
            return "Record(" + Id + ", " + Callback + ", peer " + Peer + ", received " +
                   ReceivedAt.ToString("o", CultureInfo.InvariantCulture) + ", " + _body.Length + " bytes)";
        }
    }

    /// <summary>How many records a store holds, and how many are pending.</summary>
    public struct StoreCounts
    {
        public StoreCounts(ulong records, ulong pending)
        {
            Records = records;
            Pending = pending;
        }

        public ulong Records { get; }
        public ulong Pending { get; }
    }

    /// <summary>SmartBill's callback endpoint on host:port (both required:
    /// "0.0.0.0" for every interface, "127.0.0.1" for this machine only; port
    /// 0 picks a free one, see <see cref="Port"/>), storing into the SQLite
    /// file <c>store</c> (created owner-only on Unix; refused on a network
    /// share). Dispose stops it (requests in flight finish) and releases it;
    /// the finalizer only tells a receiver that was never disposed to stop,
    /// never waiting for its threads. <see cref="Next"/> may wait in one
    /// thread while another calls <see cref="Stop"/>.</summary>
    public sealed class Receiver : IDisposable
    {
        private readonly ReceiverHandle _handle;
        private readonly bool _served;

        /// <summary>Starts a receiver. <paramref name="environment"/>
        /// ("production", "demo" or a base URL) and <paramref name="extraIps"/>
        /// say who may deliver; <paramref name="tlsCert"/> and
        /// <paramref name="tlsKey"/> (PEM files) serve https;
        /// <paramref name="options"/> sets any other receiver option by its
        /// library name (trusted_proxies, header_timeout_ms, body_timeout_ms,
        /// max_connections, lease_seconds, retention_days, log_file). Throws
        /// SmartbillException: RECEIVER_BIND, RECEIVER_TLS, STORE,
        /// STORE_NETWORK_PATH, INVALID_ARGUMENT (Field names the option).</summary>
        public Receiver(string store, string host, int port, string environment = "production",
                        IEnumerable<string> extraIps = null, string path = "/smartbill/callback",
                        int maxBytes = 65536, string tlsCert = null, string tlsKey = null,
                        IDictionary<string, string> options = null)
        {
            if (store == null) throw new ArgumentNullException("store");
            if (host == null) throw new ArgumentNullException("host");
            Library.EnsureLoaded();
            var settings = new List<KeyValuePair<string, string>>
            {
                Pair("store", store),
                Pair("host", host),
                Pair("port", port.ToString(CultureInfo.InvariantCulture)),
                Pair("environment", environment ?? "production"),
                Pair("extra_ips", extraIps == null ? "" : string.Join(",", extraIps)),
                Pair("path", path ?? "/smartbill/callback"),
                Pair("max_bytes", maxBytes.ToString(CultureInfo.InvariantCulture)),
            };
            if (tlsCert != null) settings.Add(Pair("tls_cert", tlsCert));
            if (tlsKey != null) settings.Add(Pair("tls_key", tlsKey));
            if (options != null) settings.AddRange(options);
            using (ReceiverOptionsHandle native = OpenOptions(settings))
            {
                ReceiverHandle handle;
                int status = Native.smartbill_receiver_start(native, out handle);
                if (status != Utf8.Ok)
                {
                    handle.Dispose();
                    throw Errors.For(status);
                }
                _handle = handle;
            }
            _served = true;
        }

        private Receiver(ReceiverHandle handle)
        {
            _handle = handle;
            _served = false;
        }

        /// <summary>The store alone, without a server: a batch, or a second
        /// process, drains what a receiver stored. Two handles never get the
        /// same record at once. <see cref="Port"/> and <see cref="Url"/> are null.</summary>
        public static Receiver OpenStore(string store, int? leaseSeconds = null, int? retentionDays = null)
        {
            if (store == null) throw new ArgumentNullException("store");
            Library.EnsureLoaded();
            var settings = new List<KeyValuePair<string, string>>();
            if (leaseSeconds.HasValue) settings.Add(Pair("lease_seconds", leaseSeconds.Value.ToString(CultureInfo.InvariantCulture)));
            if (retentionDays.HasValue) settings.Add(Pair("retention_days", retentionDays.Value.ToString(CultureInfo.InvariantCulture)));
            byte[] path = Utf8.Encode(store);
            using (ReceiverOptionsHandle native = OpenOptions(settings))
            {
                ReceiverHandle handle;
                int status = Native.smartbill_receiver_open_store(path, Utf8.Len(path), native, out handle);
                if (status != Utf8.Ok)
                {
                    handle.Dispose();
                    throw Errors.For(status);
                }
                return new Receiver(handle);
            }
        }

        /// <summary>The port listened on (the one chosen for port 0); null for
        /// a store opened without a server.</summary>
        public int? Port
        {
            get
            {
                if (!_served) return null;
                ushort port;
                Errors.Check(Native.smartbill_receiver_port(Live(), out port));
                return port;
            }
        }

        /// <summary>A URL reaching the receiver from this machine (an
        /// unspecified host shows as loopback). Register your public host
        /// name, the forwarded port and this path with SmartBill.</summary>
        public string Url
        {
            get
            {
                if (!_served) return null;
                ReceiverHandle handle = Live();
                byte[] text;
                Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                    Native.smartbill_receiver_url(handle, 0, buf, cap, out len), 256, out text));
                return Utf8.Decode(text);
            }
        }

        /// <summary>The oldest pending record, reserved for this handle, waiting
        /// up to <paramref name="timeout"/> for one; null when none came.
        /// Acknowledge it with <see cref="Ack(RecordId)"/> once saved: an
        /// unacknowledged record is handed out again after its lease (60 s)
        /// and after a restart.</summary>
        public Record Next(TimeSpan timeout)
        {
            double ms = Math.Ceiling(timeout.TotalMilliseconds);
            if (!(ms >= 0 && ms <= uint.MaxValue))
                throw new ArgumentOutOfRangeException("timeout", timeout, "zero or a positive time of at most 49 days");
            RecordHandle record;
            int status = Native.smartbill_receiver_next(Live(), (uint)ms, out record);
            using (record)
            {
                if (status != Utf8.Ok) throw Errors.For(status);
                return record.IsInvalid ? null : Read(record);
            }
        }

        /// <summary>Acknowledges the version of a record the ERP read. A newer
        /// version stays pending. RECORD_UNKNOWN when the record is no longer
        /// in the store.</summary>
        public void Ack(RecordId id)
        {
            Errors.Check(Native.smartbill_receiver_ack_id(Live(), id.Number, id.Version));
        }

        /// <summary>As <see cref="Ack(RecordId)"/>, with the record itself.</summary>
        public void Ack(Record record)
        {
            if (record == null) throw new ArgumentNullException("record");
            Ack(record.Id);
        }

        /// <summary>How many records the store holds and how many are pending.</summary>
        public StoreCounts Counts()
        {
            ulong records, pending;
            Errors.Check(Native.smartbill_receiver_counts(Live(), out records, out pending));
            return new StoreCounts(records, pending);
        }

        /// <summary>Stops serving: the port closes, requests in flight finish
        /// (up to <paramref name="timeout"/>), the receiver's threads end. The
        /// store stays usable. Safe to call again.</summary>
        public void Stop(TimeSpan timeout)
        {
            double ms = Math.Ceiling(timeout.TotalMilliseconds);
            if (!(ms >= 0 && ms <= uint.MaxValue))
                throw new ArgumentOutOfRangeException("timeout", timeout, "zero or a positive time of at most 49 days");
            Errors.Check(Native.smartbill_receiver_stop(Live(), (uint)ms));
        }

        /// <summary>Stops (10 s for requests in flight) and releases the receiver.</summary>
        public void Dispose()
        {
            if (_handle.IsClosed) return;
            try
            {
                Native.smartbill_receiver_stop(_handle, 10000);
            }
            finally
            {
                _handle.Dispose();
            }
        }

        public override string ToString()
        {
            if (_handle.IsClosed) return "Receiver(closed)";
            return _served ? "Receiver(" + Url + ")" : "Receiver(store only)";
        }

        private ReceiverHandle Live()
        {
            if (_handle.IsClosed) throw new ObjectDisposedException("Receiver");
            return _handle;
        }

        private static Record Read(RecordHandle record)
        {
            long number, version, at;
            Errors.Check(Native.smartbill_record_id(record, out number, out version));
            byte[] peer;
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_record_peer(record, 0, buf, cap, out len), out peer));
            Errors.Check(Native.smartbill_record_received_at(record, out at));
            byte[] body;
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_record_body(record, buf, cap, out len), 1024, out body));
            CallbackHandle cb;
            int status = Native.smartbill_record_callback(record, out cb);
            using (cb)
            {
                if (status != Utf8.Ok) throw Errors.For(status);
                Callback callback = Callback.FromHandle(cb, body);
                var receivedAt = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(at);
                return new Record(new RecordId(number, version), callback, Utf8.Decode(peer), receivedAt, body);
            }
        }

        private static ReceiverOptionsHandle OpenOptions(IEnumerable<KeyValuePair<string, string>> settings)
        {
            ReceiverOptionsHandle options;
            Errors.Check(Native.smartbill_receiver_options_new(out options));
            try
            {
                foreach (var pair in settings)
                {
                    if (pair.Value == null) continue;
                    byte[] n = Utf8.Encode(pair.Key);
                    byte[] v = Utf8.Encode(pair.Value);
                    Errors.Check(Native.smartbill_receiver_options_set(options, n, Utf8.Len(n), v, Utf8.Len(v)));
                }
                return options;
            }
            catch
            {
                options.Dispose();
                throw;
            }
        }

        private static KeyValuePair<string, string> Pair(string name, string value)
        {
            return new KeyValuePair<string, string>(name, value);
        }
    }
}
