package kr.smartbill.signup;

import java.time.Instant;

/**
 * One stored callback as {@link Receiver#next} hands it out. Immutable;
 * {@code toString()} never shows the auth code, the token or the body.
 */
public final class CallbackRecord {
    private final RecordId id;
    private final Callback callback;
    private final String peer;
    private final Instant receivedAt;
    private final byte[] body;

    CallbackRecord(RecordId id, Callback callback, String peer, Instant receivedAt, byte[] body) {
        this.id = id;
        this.callback = callback;
        this.peer = peer;
        this.receivedAt = receivedAt;
        this.body = body;
    }

    /** The record and version to acknowledge. */
    public RecordId getId() {
        return id;
    }

    /** The usual {@link Callback}. */
    public Callback getCallback() {
        return callback;
    }

    /** The address that delivered this version. */
    public String getPeer() {
        return peer;
    }

    /** When this version arrived. */
    public Instant getReceivedAt() {
        return receivedAt;
    }

    /** The body exactly as received (a copy; it holds the secrets). */
    public byte[] getBody() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "CallbackRecord(" + id + ", " + callback + ", peer " + peer + ", received " + receivedAt
                + ", " + body.length + " bytes)";
    }
}
