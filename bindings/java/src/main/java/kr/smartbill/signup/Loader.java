package kr.smartbill.signup;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.ByteOrder;

/**
 * Finds the native library, checks that it is the one the declarations were
 * generated for, and binds a declaration class to it.
 *
 * <p>By default JNA looks for {@code smartbill_signup} ({@code smartbill_signup.dll},
 * {@code libsmartbill_signup.so}, {@code libsmartbill_signup.dylib}) in the
 * folders of the system property {@code jna.library.path}, then the system's
 * library path, then inside the jar under the folder for the platform
 * ({@code win32-x86-64/}, {@code win32-x86/}, {@code linux-x86-64/}, ...),
 * which it extracts to a temporary file. The system property
 * {@code smartbill.signup.library} may instead name the file itself.
 * {@code -Djna.debug_load=true} traces the search.
 */
final class Loader {
    /** The library's base name, as JNA spells it on every platform. */
    static final String LIBRARY_NAME = "smartbill_signup";

    /** A full path to the library file, overriding the search. */
    static final String PATH_PROPERTY = "smartbill.signup.library";

    private static final String SAME_RELEASE = "; ship the library and the jar from the same release";

    private Loader() {}

    /**
     * Loads the library, refuses it unless it reports {@code abiVersion} and
     * {@code abiChecksum} (the prototypes the declarations were generated
     * from), then registers the native methods of {@code declarations}.
     */
    static void register(Class<?> declarations, int abiVersion, int abiChecksum) {
        if (Native.SIZE_T_SIZE != Native.POINTER_SIZE) {
            throw new UnsatisfiedLinkError("smartbill-signup: size_t (" + Native.SIZE_T_SIZE
                    + " bytes) and pointers (" + Native.POINTER_SIZE + " bytes) differ; unsupported platform");
        }
        if (Native.POINTER_SIZE == 4 && ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            // Abi reads a 4-byte size_t or handle from the low half of a long[1].
            throw new UnsatisfiedLinkError("smartbill-signup: 32-bit big-endian JVMs are not supported");
        }
        NativeLibrary library = load();
        check(library, abiVersion, abiChecksum);
        Native.register(declarations, library);
    }

    private static NativeLibrary load() {
        String path = System.getProperty(PATH_PROPERTY);
        String what = path != null && !path.isEmpty() ? path : LIBRARY_NAME;
        try {
            return NativeLibrary.getInstance(what);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError clear = new UnsatisfiedLinkError(
                    "smartbill-signup: cannot load the native library " + what
                            + " for " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                            + " (" + Native.POINTER_SIZE * 8 + "-bit JVM). Put it in a folder named by"
                            + " -Djna.library.path, in the jar under the platform folder (win32-x86-64/,"
                            + " win32-x86/, linux-x86-64/), or name the file with -D" + PATH_PROPERTY
                            + "; -Djna.debug_load=true shows where JNA looked. Cause: " + e.getMessage());
            clear.initCause(e);
            throw clear;
        }
    }

    /**
     * Refuses {@code library} unless its ABI version and prototype checksum
     * are the expected ones: a library whose functions differ from the
     * declarations would be called with the wrong arguments.
     */
    static void check(NativeLibrary library, int abiVersion, int abiChecksum) {
        String name = library.getFile() != null ? library.getFile().getPath() : library.getName();
        int version = readUnsigned(library, "smartbill_abi_version",
                "smartbill-signup: " + name + " is not the smartbill_signup library (it has no smartbill_abi_version)");
        if (version != abiVersion) {
            throw new UnsatisfiedLinkError("smartbill-signup: the native library " + name + " has ABI version "
                    + Integer.toUnsignedString(version) + ", this wrapper needs " + abiVersion + SAME_RELEASE);
        }
        int checksum = readUnsigned(library, "smartbill_abi_checksum", "smartbill-signup: the native library "
                + name + " reports no prototype checksum (it is older than this wrapper)" + SAME_RELEASE);
        if (checksum != abiChecksum) {
            throw new UnsatisfiedLinkError("smartbill-signup: the native library " + name + " has prototype checksum "
                    + hex(checksum) + ", this wrapper was generated for " + hex(abiChecksum)
                    + ": its functions differ" + SAME_RELEASE);
        }
    }

    /** Calls a {@code uint32_t f(void)} export, or fails with {@code missing}. */
    private static int readUnsigned(NativeLibrary library, String function, String missing) {
        Function f;
        try {
            f = library.getFunction(function);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError clear = new UnsatisfiedLinkError(missing);
            clear.initCause(e);
            throw clear;
        }
        return f.invokeInt(new Object[0]);
    }

    static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
