package kr.smartbill.signup;

import java.nio.charset.StandardCharsets;

/**
 * A call into the library failed. Carries the library's status number
 * ({@link #getStatus()}), its name ({@link #getStatusName()}, e.g.
 * {@code "BRN_CHECKSUM"}, the same in every language), the parameter or key
 * it concerns ({@link #getField()}, or null) and the library's message
 * ({@link #getDetail()}). {@link #getMessage()} is {@code "NAME: detail"}.
 *
 * <p>Unchecked: bad input is a programming or data error the caller handles
 * where it wants, as with {@link IllegalArgumentException}.
 */
public class SmartbillException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String statusName;
    private final String field;
    private final String detail;

    public SmartbillException(int status, String statusName, String field, String detail) {
        super(statusName + ": " + detail);
        this.status = status;
        this.statusName = statusName;
        this.field = field;
        this.detail = detail;
    }

    /** The status number (SMARTBILL_ERR_*), stable across releases. */
    public int getStatus() {
        return status;
    }

    /** The status name without the SMARTBILL_ERR_ prefix, e.g. "FIELD_TOO_LONG". */
    public String getStatusName() {
        return statusName;
    }

    /** The parameter, key or argument concerned (e.g. "pComRegNo"), or null. */
    public String getField() {
        return field;
    }

    /** The library's message: what was wrong and the limit. */
    public String getDetail() {
        return detail;
    }

    /** The library's name for a status ("OK", "BRN_CHECKSUM", "UNKNOWN" for an unknown number). */
    public static String statusName(int status) {
        return Text.ofStatic(Abi.smartbill_status_name(status));
    }

    /**
     * The exception for a failed call, read from this thread's last error,
     * which the failed call has just set.
     */
    static SmartbillException fromLastError(int status) {
        String detail = lastErrorText(true);
        String field = lastErrorText(false);
        return new SmartbillException(status, statusName(status), field.isEmpty() ? null : field, detail);
    }

    private static String lastErrorText(boolean message) {
        byte[] buf = new byte[Text.FIRST_BUFFER];
        long[] len = new long[1];
        for (int attempt = 0; attempt < 2; attempt++) {
            Sizes.SizeT cap = Sizes.size(buf.length);
            int status = message ? Abi.smartbill_last_error(buf, cap, len) : Abi.smartbill_last_error_field(buf, cap, len);
            if (status == Abi.SMARTBILL_OK) {
                return new String(buf, 0, (int) len[0], StandardCharsets.UTF_8);
            }
            if (status != Abi.SMARTBILL_ERR_BUFFER_TOO_SMALL) {
                break;
            }
            buf = new byte[(int) len[0]];
        }
        return "";
    }
}
