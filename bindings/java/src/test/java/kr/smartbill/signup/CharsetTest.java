package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/**
 * Korean text must not depend on the JVM's default charset, which is MS949 on
 * Korean Windows. Surefire runs every test twice: with the default (UTF-8)
 * and with -Dfile.encoding=EUC-KR -Djna.encoding=EUC-KR (the
 * ms949-default-charset execution, which sets smartbill.expect.default.charset).
 */
class CharsetTest {
    @Test
    void theMs949RunReallyHasAnMs949Default() {
        String expected = System.getProperty("smartbill.expect.default.charset");
        if (expected != null) {
            assertEquals(Charset.forName(expected), Charset.defaultCharset());
            assertEquals(expected, com.sun.jna.Native.getDefaultStringEncoding());
            assertEquals(4, "한글".getBytes().length); // two bytes a syllable, not UTF-8's three
        } else {
            assertTrue(Charset.defaultCharset().name().length() > 0);
        }
    }

    @Test
    void koreanTextSurvivesWhateverTheDefaultCharset() {
        String name = "(주)스마트빌 홍길동 뷁";
        Callback cb = Callback.parse("{\"USER_SBID\":\"김철수\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"c\","
                + "\"AUTH_TOKEN\":\"t\",\"COM_NAME\":\"" + name + "\"}");
        assertEquals(name, cb.getComName());
        assertEquals("김철수", cb.getUserSbid());
        try (SignupForm form = new SignupForm("demo")) {
            form.set("pComRegNo", "124-81-00998").set("pMIGRATIONFLAG", "TEST11").set("pComName", name);
            assertTrue(form.html().contains("value=\"" + name + "\""));
            assertTrue(form.urlencoded().contains("pComName=%28%EC%A3%BC%29"), form.urlencoded());
        }
        // Library messages are UTF-8 too.
        try (SignupForm form = new SignupForm("demo")) {
            form.set("pComRegNo", "124-81-00998").set("pMIGRATIONFLAG", "TEST11").set("pZipCode", "한글");
            SmartbillException e = org.junit.jupiter.api.Assertions.assertThrows(SmartbillException.class, form::validate);
            assertEquals("pZipCode", e.getField());
        }
    }
}
