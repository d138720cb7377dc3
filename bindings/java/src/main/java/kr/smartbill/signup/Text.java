package kr.smartbill.signup;

import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text across the boundary: Java strings become UTF-8 bytes passed with their
 * length (never JNA's platform-charset conversion), and the library's
 * caller-owned output buffers are read with one retry when too small.
 */
final class Text {
    /** First output buffer size: enough for every short answer in one call. */
    static final int FIRST_BUFFER = 256;

    private Text() {}

    /** Fills buf (cap bytes) and *outLen, as every text output of the ABI. */
    interface Output {
        int call(byte[] buf, Sizes.SizeT cap, long[] outLen);
    }

    /**
     * The UTF-8 bytes of s. An unpaired surrogate (which String.getBytes
     * would silently turn into '?') is passed as its 3-byte form, which is
     * not UTF-8, so the library refuses it with INVALID_TEXT like any other
     * bad text instead of working on corrupted input.
     */
    static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return withLoneSurrogates(s);
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withLoneSurrogates(String s) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) { // includes an unpaired surrogate
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | c >> 18);
                out[n++] = (byte) (0x80 | c >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** UTF-8 bytes of s, or null (the ABI's empty text) for null. */
    static byte[] utf8OrNull(String s) {
        return s == null ? null : utf8(s);
    }

    /** The ptrdiff_t length of a text argument (0 for null, the empty text). */
    static Sizes.PtrdiffT length(byte[] bytes) {
        return new Sizes.PtrdiffT(bytes == null ? 0 : bytes.length);
    }

    /** The output's bytes; throws SmartbillException when the call fails. */
    static byte[] read(Output output) {
        byte[] buf = new byte[FIRST_BUFFER];
        long[] len = new long[1];
        int status = output.call(buf, Sizes.size(buf.length), len);
        if (status == Abi.SMARTBILL_ERR_BUFFER_TOO_SMALL) {
            if (len[0] > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("smartbill-signup: output of " + len[0] + " bytes is too large for a Java array");
            }
            buf = new byte[(int) len[0]];
            status = output.call(buf, Sizes.size(buf.length), len);
        }
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
        return len[0] == buf.length ? buf : Arrays.copyOf(buf, (int) len[0]);
    }

    /** The output as a string; the library writes UTF-8 unless asked for CP949. */
    static String readUtf8(Output output) {
        return new String(read(output), StandardCharsets.UTF_8);
    }

    /** A static string the library returns (names, versions): ASCII. */
    static String ofStatic(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }
}
