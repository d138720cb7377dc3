package kr.smartbill.signup;

import com.sun.jna.Pointer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * SmartBill's callback endpoint without a web server: the library's receiver
 * runs on background threads of this process, enforces every endpoint rule
 * (source address, method, path, size, timeouts, parsing) and commits each
 * callback to its SQLite store before answering 200; {@link #next} hands the
 * stored callbacks to the ERP at least once.
 *
 * <pre>{@code
 * try (Receiver receiver = new Receiver(new Receiver.Options(store, "0.0.0.0", 8443).tls(cert, key))) {
 *     CallbackRecord record = receiver.next(Duration.ofSeconds(5));   // null when nothing came
 *     if (record != null && saveInErp(record.getCallback())) receiver.ack(record.getId());
 * }
 * }</pre>
 *
 * <p>{@link #next} may wait in one thread while another calls {@link #stop}.
 * Use try-with-resources: like the other handles there is no finalizer, and
 * {@link #close} (stop, then release) must not run on a finalizer thread.
 */
public final class Receiver implements AutoCloseable {
    /** Where the receiver listens, what it accepts and where it stores. */
    public static final class Options {
        private final Map<String, String> values = new LinkedHashMap<>();

        /**
         * A receiver storing into {@code store} (a SQLite file, created
         * owner-only on Unix, refused on a network share) and listening on
         * {@code host}:{@code port}, both required: {@code "0.0.0.0"} for every
         * interface, {@code "127.0.0.1"} for this machine only; port 0 picks a
         * free one ({@link Receiver#getPort()}).
         */
        public Options(String store, String host, int port) {
            set("store", Objects.requireNonNull(store, "store"));
            set("host", Objects.requireNonNull(host, "host"));
            set("port", Integer.toString(port));
        }

        /** {@code "production"} (the default), {@code "demo"} or a base URL: who may deliver. */
        public Options environment(String environment) {
            return set("environment", environment);
        }

        /** More addresses allowed to deliver. */
        public Options extraIps(String... ips) {
            return set("extra_ips", String.join(",", ips));
        }

        /** The only path served (default {@code /smartbill/callback}). */
        public Options path(String path) {
            return set("path", path);
        }

        /** The body limit in bytes (default 65536). */
        public Options maxBytes(int maxBytes) {
            return set("max_bytes", Integer.toString(maxBytes));
        }

        /** Serve https with these PEM certificate chain and private key files. */
        public Options tls(String certFile, String keyFile) {
            set("tls_cert", certFile);
            return set("tls_key", keyFile);
        }

        /**
         * Any other receiver option by its library name: {@code trusted_proxies},
         * {@code header_timeout_ms}, {@code body_timeout_ms},
         * {@code max_connections}, {@code lease_seconds}, {@code retention_days},
         * {@code log_file}. Checked by the library when the receiver starts.
         */
        public Options set(String name, String value) {
            values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
            return this;
        }
    }

    /** How many records a store holds, and how many are pending. */
    public static final class Counts {
        private final long records;
        private final long pending;

        Counts(long records, long pending) {
            this.records = records;
            this.pending = pending;
        }

        public long getRecords() {
            return records;
        }

        public long getPending() {
            return pending;
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final boolean served;
    private Pointer handle;

    /**
     * Starts a receiver. Throws {@link SmartbillException}: RECEIVER_BIND,
     * RECEIVER_TLS, STORE, STORE_NETWORK_PATH, INVALID_ARGUMENT (with the
     * option in {@code getField()}).
     */
    public Receiver(Options options) {
        Objects.requireNonNull(options, "options");
        Pointer settings = openOptions(options.values);
        try {
            long[] out = new long[1];
            check(Abi.smartbill_receiver_start(settings, out));
            handle = Sizes.handle(out);
        } finally {
            Abi.smartbill_receiver_options_free(settings);
        }
        served = true;
    }

    private Receiver(Pointer handle) {
        this.handle = handle;
        this.served = false;
    }

    /**
     * The store alone, without a server: a batch, or a second process, drains
     * what a receiver stored. Two handles never get the same record at once.
     * {@link #getPort()} and {@link #getUrl()} are null.
     */
    public static Receiver openStore(String store) {
        return openStore(store, null, null);
    }

    /** As {@link #openStore(String)} with a lease ({@code lease_seconds}) and retention ({@code retention_days}). */
    public static Receiver openStore(String store, Integer leaseSeconds, Integer retentionDays) {
        byte[] path = Text.utf8(Objects.requireNonNull(store, "store"));
        Map<String, String> values = new LinkedHashMap<>();
        if (leaseSeconds != null) {
            values.put("lease_seconds", leaseSeconds.toString());
        }
        if (retentionDays != null) {
            values.put("retention_days", retentionDays.toString());
        }
        Pointer settings = openOptions(values);
        try {
            long[] out = new long[1];
            check(Abi.smartbill_receiver_open_store(path, Text.length(path), settings, out));
            return new Receiver(Sizes.handle(out));
        } finally {
            Abi.smartbill_receiver_options_free(settings);
        }
    }

    /** The port listened on (the one chosen for port 0); null for a store opened without a server. */
    public Integer getPort() {
        if (!served) {
            return null;
        }
        return read(h -> {
            short[] port = new short[1];
            check(Abi.smartbill_receiver_port(h, port));
            return Short.toUnsignedInt(port[0]);
        });
    }

    /**
     * A URL reaching the receiver from this machine (an unspecified host shows
     * as loopback). Register your public host name, the forwarded port and
     * this path with SmartBill. Null for a store opened without a server.
     */
    public String getUrl() {
        if (!served) {
            return null;
        }
        return read(h -> Text.readUtf8((buf, cap, len) -> Abi.smartbill_receiver_url(h, Abi.SMARTBILL_TEXT_UTF8, buf, cap, len)));
    }

    /**
     * The oldest pending record, reserved for this handle, waiting up to
     * {@code timeout} for one; null when none came. Acknowledge it with
     * {@link #ack(RecordId)} once saved: an unacknowledged record is handed
     * out again after its lease (60 s) and after a restart.
     */
    public CallbackRecord next(Duration timeout) {
        int ms = milliseconds(timeout);
        return read(h -> {
            long[] out = new long[1];
            check(Abi.smartbill_receiver_next(h, ms, out));
            Pointer record = Sizes.handle(out);
            if (record == null) {
                return null;
            }
            try {
                return readRecord(record);
            } finally {
                Abi.smartbill_record_free(record);
            }
        });
    }

    /**
     * Acknowledges the version of a record the ERP read; a newer version stays
     * pending. RECORD_UNKNOWN when the record is no longer in the store.
     */
    public void ack(RecordId id) {
        Objects.requireNonNull(id, "id");
        read(h -> {
            check(Abi.smartbill_receiver_ack_id(h, id.getNumber(), id.getVersion()));
            return null;
        });
    }

    public void ack(CallbackRecord record) {
        ack(Objects.requireNonNull(record, "record").getId());
    }

    /** How many records the store holds and how many are pending. */
    public Counts counts() {
        return read(h -> {
            long[] records = new long[1];
            long[] pending = new long[1];
            check(Abi.smartbill_receiver_counts(h, records, pending));
            return new Counts(records[0], pending[0]);
        });
    }

    /**
     * Stops serving: the port closes, requests in flight finish (up to
     * {@code timeout}), the receiver's threads end. The store stays usable.
     * Safe to call again.
     */
    public void stop(Duration timeout) {
        int ms = milliseconds(timeout);
        read(h -> {
            check(Abi.smartbill_receiver_stop(h, ms));
            return null;
        });
    }

    /** Stops (10 s for requests in flight) and releases the receiver. Safe to call again. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (handle != null) {
                Pointer h = handle;
                handle = null;
                try {
                    Abi.smartbill_receiver_stop(h, 10_000);
                } finally {
                    Abi.smartbill_receiver_free(h);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        if (handle == null) {
            return "Receiver(closed)";
        }
        return served ? "Receiver(" + getUrl() + ")" : "Receiver(store only)";
    }

    private interface Use<T> {
        T apply(Pointer handle);
    }

    /** Runs a call on the live handle; many at once, never during close(). */
    private <T> T read(Use<T> use) {
        lock.readLock().lock();
        try {
            if (handle == null) {
                throw new IllegalStateException("the receiver is closed");
            }
            return use.apply(handle);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static CallbackRecord readRecord(Pointer record) {
        long[] number = new long[1];
        long[] version = new long[1];
        check(Abi.smartbill_record_id(record, number, version));
        String peer = Text.readUtf8((buf, cap, len) -> Abi.smartbill_record_peer(record, Abi.SMARTBILL_TEXT_UTF8, buf, cap, len));
        long[] at = new long[1];
        check(Abi.smartbill_record_received_at(record, at));
        byte[] body = Text.read((buf, cap, len) -> Abi.smartbill_record_body(record, buf, cap, len));
        long[] out = new long[1];
        check(Abi.smartbill_record_callback(record, out));
        Pointer cb = Sizes.handle(out);
        try {
            Callback callback = Callback.fromHandle(cb, body);
            return new CallbackRecord(new RecordId(number[0], version[0]), callback, peer, Instant.ofEpochMilli(at[0]), body);
        } finally {
            Abi.smartbill_callback_free(cb);
        }
    }

    private static Pointer openOptions(Map<String, String> values) {
        long[] out = new long[1];
        check(Abi.smartbill_receiver_options_new(out));
        Pointer options = Sizes.handle(out);
        try {
            for (Map.Entry<String, String> e : values.entrySet()) {
                byte[] n = Text.utf8(e.getKey());
                byte[] v = Text.utf8(e.getValue());
                check(Abi.smartbill_receiver_options_set(options, n, Text.length(n), v, Text.length(v)));
            }
            return options;
        } catch (RuntimeException e) {
            Abi.smartbill_receiver_options_free(options);
            throw e;
        }
    }

    private static int milliseconds(Duration timeout) {
        long ms = Objects.requireNonNull(timeout, "timeout").toMillis();
        if (ms < 0 || ms > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timeout must be between 0 and 49 days: " + timeout);
        }
        return (int) ms;
    }

    private static void check(int status) {
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
    }
}
