package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library is refused unless it reports the ABI version and the prototype
 * checksum the declarations were generated with: stand-in libraries built
 * here with the C compiler (run-tests.sh installs one) report others.
 */
class LoaderTest {
    @TempDir
    Path dir;

    private NativeLibrary stub(String name, String source) throws IOException, InterruptedException {
        Path c = dir.resolve(name + ".c");
        Path so = dir.resolve("lib" + name + ".so");
        Files.write(c, source.getBytes(StandardCharsets.US_ASCII));
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-o", so.toString(), c.toString())
                .inheritIO().start();
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS), "cc did not finish");
        assertEquals(0, cc.exitValue(), "cc failed");
        return NativeLibrary.getInstance(so.toString());
    }

    private static String version(long value) {
        return "unsigned int smartbill_abi_version(void) { return " + value + "u; }\n";
    }

    private static String checksum(long value) {
        return "unsigned int smartbill_abi_checksum(void) { return " + value + "u; }\n";
    }

    private static String refusal(NativeLibrary library) {
        return assertThrows(UnsatisfiedLinkError.class,
                () -> Loader.check(library, Abi.SMARTBILL_ABI_VERSION, Abi.SMARTBILL_ABI_CHECKSUM)).getMessage();
    }

    @Test
    void theRealLibraryPasses() {
        Loader.check(NativeLibrary.getInstance(Loader.LIBRARY_NAME), Abi.SMARTBILL_ABI_VERSION, Abi.SMARTBILL_ABI_CHECKSUM);
    }

    @Test
    void anotherAbiVersionIsRefused() throws Exception {
        String message = refusal(stub("other_version", version(999) + checksum(Integer.toUnsignedLong(Abi.SMARTBILL_ABI_CHECKSUM))));
        assertTrue(message.contains("has ABI version 999, this wrapper needs " + Abi.SMARTBILL_ABI_VERSION), message);
    }

    @Test
    void otherPrototypesAreRefused() throws Exception {
        int other = Abi.SMARTBILL_ABI_CHECKSUM ^ 0x5A5A;
        String message = refusal(stub("other_prototypes",
                version(Abi.SMARTBILL_ABI_VERSION) + checksum(Integer.toUnsignedLong(other))));
        assertTrue(message.contains("has prototype checksum " + Loader.hex(other) + ", this wrapper was generated for "
                + Loader.hex(Abi.SMARTBILL_ABI_CHECKSUM) + ": its functions differ"), message);
    }

    @Test
    void aLibraryWithoutAChecksumIsRefused() throws Exception {
        String message = refusal(stub("no_checksum", version(Abi.SMARTBILL_ABI_VERSION)));
        assertTrue(message.contains("reports no prototype checksum (it is older than this wrapper)"), message);
    }

    @Test
    void anotherLibraryIsRefused() throws Exception {
        String message = refusal(stub("unrelated", "int unrelated(void) { return 0; }\n"));
        assertTrue(message.contains("is not the smartbill_signup library"), message);
    }
}
