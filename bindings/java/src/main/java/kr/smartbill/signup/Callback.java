package kr.smartbill.signup;

import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON body SmartBill POSTs to the ERP's callback URL when a user has
 * signed up, parsed and checked by the library. Immutable and thread-safe;
 * holds no native memory, so there is nothing to close.
 *
 * <pre>{@code
 * if (!Callback.sourceAllowed(request.getRemoteAddr(), "production", null)) { 403 }
 * Callback cb = Callback.parse(bodyBytes);   // SmartbillException CALLBACK_*
 * store(cb.getUserSbid(), cb.getComRegno(), cb.getAuthCode(), cb.getAuthToken());
 * }</pre>
 *
 * <p>{@link #toString()} never shows {@code AUTH_CODE} or {@code AUTH_TOKEN}.
 */
public final class Callback {
    /** Keys whose values are credentials: never printed. */
    private static final String[] SECRET_KEYS = {"AUTH_CODE", "AUTH_TOKEN"};

    private final byte[] body;
    private final long maxBytes;
    private final Map<String, String> values;
    private final boolean comRegnoValid;

    private Callback(byte[] body, long maxBytes, Map<String, String> values, boolean comRegnoValid) {
        this.body = body;
        this.maxBytes = maxBytes;
        this.values = values;
        this.comRegnoValid = comRegnoValid;
    }

    /** Parses a body with the library's default size limit (64 KiB). */
    public static Callback parse(byte[] body) {
        return parse(body, 0);
    }

    /** Parses a body already decoded to text (it is sent to the library as UTF-8). */
    public static Callback parse(String body) {
        return parse(Text.utf8(Objects.requireNonNull(body, "body")), 0);
    }

    /**
     * Parses the raw request body (UTF-8, a BOM allowed). {@code maxBytes}: the
     * size limit, 0 for the default. Throws {@link SmartbillException}:
     * CALLBACK_TOO_LARGE, INVALID_TEXT, CALLBACK_JSON, CALLBACK_SHAPE,
     * CALLBACK_MISSING (with the key in {@code getField()}); messages never
     * contain the auth code or token.
     */
    public static Callback parse(byte[] body, long maxBytes) {
        byte[] copy = Objects.requireNonNull(body, "body").clone();
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        return withHandle(copy, maxBytes, cb -> readAll(cb, copy, maxBytes));
    }

    /** The callback behind a native handle made from {@code body} (a receiver's record). */
    static Callback fromHandle(Pointer cb, byte[] body) {
        return readAll(cb, body, Math.max(body.length, 65536));
    }

    private static Callback readAll(Pointer cb, byte[] body, long maxBytes) {
        long[] count = new long[1];
        check(Abi.smartbill_callback_key_count(cb, count));
        Map<String, String> values = new LinkedHashMap<>();
        for (long i = 0; i < count[0]; i++) {
            long index = i;
            String key = Text.readUtf8((buf, cap, len) -> Abi.smartbill_callback_key_name(cb, Sizes.size(index), Abi.SMARTBILL_TEXT_UTF8, buf, cap, len));
            values.put(key, new String(value(cb, key, Abi.SMARTBILL_TEXT_UTF8), StandardCharsets.UTF_8));
        }
        int[] valid = new int[1];
        check(Abi.smartbill_callback_com_regno_valid(cb, valid));
        return new Callback(body, maxBytes, Collections.unmodifiableMap(values), valid[0] == 1);
    }

    /**
     * Whether a request from {@code ip} (the peer address, e.g.
     * {@code request.getRemoteAddr()}) came from SmartBill: the guide's source
     * address for {@code environment} ({@code "demo"} or {@code "production"})
     * or one of {@code extraIps} (separated by commas, semicolons, spaces or
     * newlines; null for none). Throws {@link SmartbillException}
     * INVALID_ARGUMENT for an unknown environment or a malformed extra address.
     */
    public static boolean sourceAllowed(String ip, String environment, String extraIps) {
        byte[] env = Text.utf8(Objects.requireNonNull(environment, "environment"));
        byte[] peer = Text.utf8(Objects.requireNonNull(ip, "ip"));
        byte[] extra = Text.utf8OrNull(extraIps);
        int[] allowed = new int[1];
        check(Abi.smartbill_callback_source_allowed(env, Text.length(env), peer, Text.length(peer), extra, Text.length(extra), allowed));
        return allowed[0] == 1;
    }

    public static boolean sourceAllowed(String ip, String environment) {
        return sourceAllowed(ip, environment, null);
    }

    /**
     * The value of any key, matched as the library matches it (any ASCII case,
     * the older names {@code SBID}, {@code Email}, {@code regYN}), or null when
     * the body did not carry it (or carried null).
     */
    public String get(String key) {
        Objects.requireNonNull(key, "key");
        String value = values.get(key);
        if (value != null) {
            return value;
        }
        byte[] k = Text.utf8(key);
        return withHandle(body, maxBytes, cb -> present(cb, k)
                ? new String(value(cb, key, Abi.SMARTBILL_TEXT_UTF8), StandardCharsets.UTF_8)
                : null);
    }

    /** Whether the body carried {@code key} with a value (even an empty one). */
    public boolean has(String key) {
        return get(key) != null;
    }

    /**
     * The value of {@code key} in CP949, for legacy systems; empty when absent.
     * Throws {@link SmartbillException} UNENCODABLE when CP949 cannot hold a character.
     */
    public byte[] getCp949(String key) {
        Objects.requireNonNull(key, "key");
        return withHandle(body, maxBytes, cb -> value(cb, key, Abi.SMARTBILL_TEXT_UTF8 | Abi.SMARTBILL_TEXT_CP949));
    }

    /** The keys with a value, in body order, canonical names for known keys. */
    public List<String> keys() {
        return Collections.unmodifiableList(new ArrayList<>(values.keySet()));
    }

    /** Every key with its value, in body order (includes the auth code and token). */
    public Map<String, String> asMap() {
        return values;
    }

    public String getUserSbid() {
        return values.get("USER_SBID");
    }

    public String getComRegno() {
        return values.get("COM_REGNO");
    }

    public String getAuthCode() {
        return values.get("AUTH_CODE");
    }

    public String getAuthToken() {
        return values.get("AUTH_TOKEN");
    }

    public String getUserName() {
        return values.get("USER_NAME");
    }

    public String getUserEmail() {
        return values.get("USER_EMAIL");
    }

    public String getUserPhone() {
        return values.get("USER_PHONE");
    }

    public String getComName() {
        return values.get("COM_NAME");
    }

    public String getComPresident() {
        return values.get("COM_PRESIDENT");
    }

    public String getComAddress() {
        return values.get("COM_ADDRESS");
    }

    public String getRegYn() {
        return values.get("regYn");
    }

    /** The ERP user ID ({@code pID}, sent back by the older guide's schema), or null. */
    public String getErpUserId() {
        return values.get("pID");
    }

    /**
     * Whether COM_REGNO passes the business-number rules. A failing number does
     * not stop the callback from parsing (the guide's own sample fails).
     */
    public boolean isComRegnoValid() {
        return comRegnoValid;
    }

    /** Every key and value, except that the auth code and token show only their length. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Callback{");
        String separator = "";
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.append(separator).append(e.getKey()).append('=');
            String value = e.getValue();
            if (isSecret(e.getKey())) {
                s.append("<redacted, ").append(value.codePointCount(0, value.length())).append(" chars>");
            } else {
                s.append('"').append(value).append('"');
            }
            separator = ", ";
        }
        return s.append(", comRegnoValid=").append(comRegnoValid).append('}').toString();
    }

    private static boolean isSecret(String key) {
        for (String secret : SECRET_KEYS) {
            if (secret.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private interface HandleUse<T> {
        T apply(Pointer cb);
    }

    /**
     * Parses body into a native handle, uses it and frees it. Lookups by an
     * arbitrary key parse the retained body again, so that key matching and
     * the older names stay in the library.
     */
    private static <T> T withHandle(byte[] body, long maxBytes, HandleUse<T> use) {
        long[] out = new long[1];
        check(Abi.smartbill_callback_parse(body, Text.length(body), Sizes.size(maxBytes), out));
        Pointer cb = Sizes.handle(out);
        try {
            return use.apply(cb);
        } finally {
            Abi.smartbill_callback_free(cb);
        }
    }

    private static boolean present(Pointer cb, byte[] key) {
        int[] present = new int[1];
        check(Abi.smartbill_callback_has(cb, key, Text.length(key), Abi.SMARTBILL_TEXT_UTF8, present));
        return present[0] == 1;
    }

    private static byte[] value(Pointer cb, String key, int flags) {
        byte[] k = (flags & Abi.SMARTBILL_TEXT_CP949) != 0 ? cp949Key(key) : Text.utf8(key);
        return Text.read((buf, cap, len) -> Abi.smartbill_callback_get(cb, k, Text.length(k), flags, buf, cap, len));
    }

    /** With the CP949 flag the key is CP949 too; Java's x-windows-949 is that mapping. */
    private static byte[] cp949Key(String key) {
        try {
            ByteBuffer bytes = Charset.forName("x-windows-949").newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(key));
            byte[] k = new byte[bytes.remaining()];
            bytes.get(k);
            return k;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("key " + key + " cannot be written in CP949", e);
        }
    }

    private static void check(int status) {
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
    }
}
