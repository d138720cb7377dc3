package kr.smartbill.signup;

/**
 * A stored callback and the version of its content handed out: what an
 * acknowledgement names. {@code toString()} is {@code "number.version"}.
 */
public final class RecordId {
    private final long number;
    private final long version;

    public RecordId(long number, long version) {
        this.number = number;
        this.version = version;
    }

    /** The record: one per USER_SBID and COM_REGNO, never reused. */
    public long getNumber() {
        return number;
    }

    /** The version of its content, from 1. */
    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordId && ((RecordId) other).number == number && ((RecordId) other).version == version;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number) * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return number + "." + version;
    }
}
