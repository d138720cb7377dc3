package kr.smartbill.signup;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Finds the native library and binds a declaration class to it.
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

    private Loader() {}

    static void register(Class<?> declarations) {
        String path = System.getProperty(PATH_PROPERTY);
        String what = path != null && !path.isEmpty() ? path : LIBRARY_NAME;
        try {
            Native.register(declarations, NativeLibrary.getInstance(what));
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
}
