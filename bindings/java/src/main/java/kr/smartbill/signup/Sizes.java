package kr.smartbill.signup;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The pointer-sized C integers of the ABI ({@code size_t}, {@code ptrdiff_t})
 * for the declarations in {@link Abi}: 8 bytes on a 64-bit JVM, 4 on a 32-bit
 * one, where a Java {@code long} would push 8 bytes and shift every argument
 * after it.
 */
final class Sizes {
    private Sizes() {}

    /** {@code size_t}. JNA makes one with the no-argument constructor for a returned value. */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** {@code ptrdiff_t} (signed; a text length of -1 means NUL-terminated). */
    public static final class PtrdiffT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public PtrdiffT() {
            this(0);
        }

        public PtrdiffT(long value) {
            super(Native.POINTER_SIZE, value, false);
        }
    }

    static SizeT size(long value) {
        return new SizeT(value);
    }

    /**
     * The handle the library wrote into a {@code long[1]} out-parameter
     * ({@code SmartbillForm **}), or null for NULL.
     */
    static Pointer handle(long[] out) {
        return out[0] == 0 ? null : new Pointer(out[0]);
    }
}
