package kr.smartbill.signup;

import com.sun.jna.Pointer;


/**
 * An HTTP answer, read completely from the library: status, content type,
 * the body's bytes as received, and the body as text decoded by the charset
 * its Content-Type declares (UTF-8 when none). Immutable.
 */
public final class HttpResponse {
    private final int status;
    private final long elapsedMs;
    private final String contentType;
    private final byte[] bodyBytes;
    private final String body;
    private final SmartbillException bodyError;

    private HttpResponse(int status, long elapsedMs, String contentType, byte[] bodyBytes, String body,
                         SmartbillException bodyError) {
        this.status = status;
        this.elapsedMs = elapsedMs;
        this.contentType = contentType;
        this.bodyBytes = bodyBytes;
        this.body = body;
        this.bodyError = bodyError;
    }

    /** Reads every part of a native response and frees it. */
    static HttpResponse read(Pointer response) {
        try {
            int[] status = new int[1];
            Http.check(Abi.smartbill_response_status(response, status));
            int[] elapsed = new int[1];
            Http.check(Abi.smartbill_response_elapsed_ms(response, elapsed));
            String contentType = Text.readUtf8((buf, cap, len) -> Abi.smartbill_response_content_type(response, buf, cap, len));
            byte[] raw = Text.read((buf, cap, len) -> Abi.smartbill_response_body_raw(response, buf, cap, len));
            String body = null;
            SmartbillException bodyError = null;
            try {
                body = Text.readUtf8((buf, cap, len) -> Abi.smartbill_response_body(response, Abi.SMARTBILL_TEXT_UTF8, buf, cap, len));
            } catch (SmartbillException e) {
                bodyError = e; // not valid in its declared charset: only the bytes are available
            }
            return new HttpResponse(status[0], elapsed[0] & 0xFFFFFFFFL, contentType, raw, body, bodyError);
        } finally {
            Abi.smartbill_response_free(response);
        }
    }

    /** The HTTP status code, e.g. 200. */
    public int getStatus() {
        return status;
    }

    public long getElapsedMs() {
        return elapsedMs;
    }

    /** The Content-Type header, empty when absent. */
    public String getContentType() {
        return contentType;
    }

    /** The body's bytes exactly as received. */
    public byte[] getBodyBytes() {
        return bodyBytes.clone();
    }

    /**
     * The body decoded by its declared charset. Throws
     * {@link SmartbillException} INVALID_TEXT when it is not valid in that
     * charset (read {@link #getBodyBytes()} then).
     */
    public String getBody() {
        if (bodyError != null) {
            throw new SmartbillException(bodyError.getStatus(), bodyError.getStatusName(), bodyError.getField(),
                    bodyError.getDetail());
        }
        return body;
    }

    @Override
    public String toString() {
        return "HttpResponse{status=" + status + ", contentType=" + contentType + ", " + bodyBytes.length
                + " bytes, elapsedMs=" + elapsedMs + "}";
    }
}
