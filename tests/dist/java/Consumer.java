// A program that uses the released jar as a Java user would: compiled
// against smartbill-signup-<version>.jar and JNA's jar only, run with the
// same two jars and no -Djna.library.path, so JNA extracts the library from
// the jar's linux-x86-64/ folder. Prints what it did; exits non-zero if
// anything is not as expected. Compiled for Java 8, as ERPs run it.
// Usage: java -cp smartbill-signup.jar:jna.jar:. Consumer EXPECTED_VERSION FORBIDDEN_DIR
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import kr.smartbill.signup.Brn;
import kr.smartbill.signup.Callback;
import kr.smartbill.signup.SignupForm;
import kr.smartbill.signup.SmartbillException;
import kr.smartbill.signup.SmartbillSignup;

public final class Consumer {
    private static int failures;

    private static void check(boolean ok, String what) {
        System.out.println((ok ? "ok   " : "FAIL ") + what);
        if (!ok) {
            failures++;
        }
    }

    public static void main(String[] args) throws Exception {
        String expectedVersion = args[0];
        String forbiddenDir = args[1];
        check(System.getProperty("jna.library.path") == null, "no jna.library.path");
        check(expectedVersion.equals(SmartbillSignup.libraryVersion()), "library version " + SmartbillSignup.libraryVersion());
        check("1248100998".equals(Brn.validate("124-81-00998")), "Brn.validate");
        try {
            Brn.validate("124-81-00997");
            check(false, "a bad check digit is refused");
        } catch (SmartbillException e) {
            check("BRN_CHECKSUM".equals(e.getStatusName()), "a bad check digit is refused: " + e.getStatusName());
        }
        try (SignupForm form = new SignupForm("demo")) {
            form.set("pComRegNo", "124-81-00998").set("pMIGRATIONFLAG", "TEST11").set("pComName", "(주)스마트빌");
            String page = form.html();
            check(page.contains("name=\"pComName\" value=\"(주)스마트빌\""), "SignupForm.html");
        }
        Callback cb = Callback.parse("{\"USER_SBID\":\"erp01\",\"COM_REGNO\":\"1248100998\","
                + "\"AUTH_CODE\":\"13F89DFEK99D4474A67EABE8F7258AA5\",\"AUTH_TOKEN\":\"dG9rZW4=\"}");
        check("erp01".equals(cb.getUserSbid()), "Callback.parse");
        // Where the library came from: JNA's extraction of the jar's copy (a
        // temporary file), not the build folders of the repository.
        File file = NativeLibrary.getInstance("smartbill_signup").getFile();
        String loaded = file == null ? "(unknown)" : file.getCanonicalPath();
        System.out.println("     library loaded from " + loaded);
        check(file != null && !loaded.startsWith(forbiddenDir), "the library is the jar's, extracted by JNA");
        List<String> maps = Files.readAllLines(Paths.get("/proc/self/maps"), StandardCharsets.UTF_8);
        // JNA deletes its extracted copy once loaded: the mapping says "(deleted)".
        check(maps.stream().anyMatch(l -> l.contains(loaded)), "that file is the one mapped into the process");
        check(maps.stream().noneMatch(l -> l.contains(forbiddenDir)), "nothing is mapped from the repository");
        System.out.println(failures == 0 ? "java consumer: all passed" : "java consumer: " + failures + " failed");
        System.exit(failures == 0 ? 0 : 1);
    }
}
