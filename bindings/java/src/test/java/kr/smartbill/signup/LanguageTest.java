package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The language of messages through {@link Smartbill}: per thread, the process
 * default, exceptions in Korean with the same status name and field, status
 * descriptions in both languages, and tests/vectors/http.json in English and
 * Korean.
 */
class LanguageTest {
    @AfterEach
    void backToEnglish() {
        Smartbill.setDefaultLanguage("en");
        Smartbill.setLanguage("");
    }

    @Test
    void englishUntilChosen() {
        assertEquals("en", Smartbill.language());
        SmartbillException e = assertThrows(SmartbillException.class, () -> Brn.validate("1234"));
        assertEquals("BRN_LENGTH: business number \"1234\": has 4 digits, needs 10", e.getMessage());
    }

    @Test
    void exceptionsCarryTheKoreanMessageWithTheSameNameAndField() {
        SmartbillException brn = Vectors.inKorean(() -> {
            assertEquals("ko", Smartbill.language());
            return assertThrows(SmartbillException.class, () -> Brn.validate("124-81-00997"));
        });
        SmartbillException form = Vectors.inKorean(() -> {
            try (SignupForm f = new SignupForm("demo")) {
                f.set("pComRegNo", "124-81-00998").set("pMIGRATIONFLAG", "T").set("pComName", repeat("가", 101));
                return assertThrows(SmartbillException.class, f::validate);
            }
        });
        SmartbillException callback = Vectors.inKorean(() -> assertThrows(SmartbillException.class,
                () -> Callback.parse("{\"USER_SBID\":\"a\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"c\"}")));
        assertEquals("BRN_CHECKSUM: 사업자등록번호 \"124-81-00997\": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)", brn.getMessage());
        assertEquals("BRN_CHECKSUM", brn.getStatusName());
        assertNull(brn.getField());
        assertTrue(form.getDetail().startsWith("회사명(pComName)은 CP949로 202바이트여서 한도 200바이트를 넘습니다"), form.getDetail());
        assertEquals("FIELD_TOO_LONG", form.getStatusName());
        assertEquals("pComName", form.getField());
        assertEquals("필수 키 AUTH_TOKEN이(가) 없습니다", callback.getDetail());
        assertEquals("CALLBACK_MISSING", callback.getStatusName());
        assertEquals("AUTH_TOKEN", callback.getField());
        // Made in Korean, kept in Korean after the thread went back to English.
        assertEquals("en", Smartbill.language());
        assertTrue(brn.getDetail().contains("검증번호"), brn.getDetail());
    }

    private static String repeat(String s, int times) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < times; i++) {
            b.append(s);
        }
        return b.toString();
    }

    @Test
    void theChoiceIsPerThread() throws InterruptedException {
        AtomicReference<String> other = new AtomicReference<>();
        SmartbillException mine = Vectors.inKorean(() -> {
            Thread thread = new Thread(() -> {
                try {
                    Brn.validate("1234");
                } catch (SmartbillException e) {
                    other.set(e.getDetail());
                }
            });
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return assertThrows(SmartbillException.class, () -> Brn.validate("1234"));
        });
        assertEquals("business number \"1234\": has 4 digits, needs 10", other.get());
        assertEquals("사업자등록번호 \"1234\": 숫자가 4자리입니다. 10자리여야 합니다", mine.getDetail());
    }

    @Test
    void theProcessDefault() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        Smartbill.setDefaultLanguage("ko");
        try {
            Thread thread = new Thread(() -> seen.set(Smartbill.language()));
            thread.start();
            thread.join();
            assertEquals("ko", Smartbill.language());
            Smartbill.setLanguage("en");
            assertEquals("en", Smartbill.language());
            Smartbill.setLanguage("");
        } finally {
            Smartbill.setDefaultLanguage("en");
        }
        assertEquals("ko", seen.get());
        assertEquals("en", Smartbill.language());
    }

    @Test
    void unknownLanguagesAreRefused() {
        SmartbillException e = assertThrows(SmartbillException.class, () -> Smartbill.setLanguage("fr"));
        assertEquals("INVALID_ARGUMENT", e.getStatusName());
        assertEquals("language", e.getField());
        assertTrue(e.getDetail().contains("fr"), e.getDetail());
        assertEquals("INVALID_ARGUMENT",
                assertThrows(SmartbillException.class, () -> Smartbill.setDefaultLanguage("")).getStatusName());
        assertThrows(NullPointerException.class, () -> Smartbill.setLanguage(null));
        assertEquals("en", Smartbill.language());
    }

    private static boolean hasHangul(String text) {
        return text.chars().anyMatch(ch -> ch >= '가' && ch <= '힣');
    }

    @Test
    void everyStatusHasADescriptionInBothLanguages() {
        List<String> names = Smartbill.statusNames();
        assertTrue(names.contains("OK") && names.contains("BRN_CHECKSUM") && names.size() >= 30, names.toString());
        assertEquals("OK", names.get(0));
        for (String name : names) {
            String english = Smartbill.statusDescription(name, "en");
            String korean = Smartbill.statusDescription(name, "ko");
            assertTrue(english.endsWith(".") && korean.endsWith("."), name + ": " + english + " / " + korean);
            assertNotEquals(english, korean, name);
            assertTrue(hasHangul(korean), name + ": " + korean);
            assertFalse(hasHangul(english), name + ": " + english);
        }
        // By number, as SmartbillException.getStatus() gives it; the library names every number alike.
        SmartbillException e = assertThrows(SmartbillException.class, () -> Brn.validate("124-81-00997"));
        assertEquals(Smartbill.statusDescription("BRN_CHECKSUM", "ko"), Smartbill.statusDescription(e.getStatus(), "ko"));
        for (int number = 0; number < 100; number++) {
            String name = SmartbillException.statusName(number);
            assertEquals(!name.equals("UNKNOWN"), names.contains(name), "status " + number + " " + name);
        }
        assertEquals("사업자등록번호의 검증번호가 맞지 않습니다.", Smartbill.statusDescription("BRN_CHECKSUM", "ko"));
        assertEquals("Unknown status 999.", Smartbill.statusDescription(999, "en"));
        // null: the calling thread's language.
        assertEquals("Success.", Smartbill.statusDescription("OK"));
        assertEquals("성공했습니다.", Vectors.inKorean(() -> Smartbill.statusDescription("OK")));
    }

    @Test
    void descriptionsRefuseUnknownNamesAndLanguages() {
        assertThrows(IllegalArgumentException.class, () -> Smartbill.statusDescription("NO_SUCH_STATUS"));
        SmartbillException e = assertThrows(SmartbillException.class, () -> Smartbill.statusDescription("OK", "xx"));
        assertEquals("INVALID_ARGUMENT", e.getStatusName());
        assertEquals("language", e.getField());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static SmartbillException probe(JsonObject c, int port) {
        String url = Vectors.str(c, "url").replace("{closed_port}", Integer.toString(port));
        Http.Options options = new Http.Options().set("proxy", Vectors.str(c, "proxy"));
        int timeout = c.get("timeout_ms").getAsInt();
        return assertThrows(SmartbillException.class, () -> Http.probeUrl(url, timeout, options), url);
    }

    private static void check(JsonObject c, String message, String exact, String prefix, int port) {
        String note = Vectors.str(c, "note");
        assertTrue(c.has(exact) || c.has(prefix), note + ": gives " + exact + " or " + prefix);
        if (c.has(exact)) {
            assertEquals(Vectors.str(c, exact).replace("{closed_port}", Integer.toString(port)), message, note);
        }
        if (c.has(prefix)) {
            String want = Vectors.str(c, prefix).replace("{closed_port}", Integer.toString(port));
            assertTrue(message.startsWith(want) && message.length() > want.length(), note + ": " + message + " after " + want);
        }
    }

    @Test
    void httpVectorsInBothLanguages() throws IOException {
        List<JsonObject> cases = Vectors.list(Vectors.load("http.json"), "probe_url");
        assertTrue(cases.size() >= 2);
        for (JsonObject c : cases) {
            int port = closedPort();
            SmartbillException en = probe(c, port);
            assertEquals(Vectors.str(c, "status"), en.getStatusName(), en.getMessage());
            assertEquals(Vectors.str(c, "field"), en.getField() == null ? "" : en.getField());
            check(c, en.getDetail(), "message", "message_starts_with", port);
            SmartbillException ko = Vectors.inKorean(() -> probe(c, port));
            assertEquals(en.getStatusName(), ko.getStatusName());
            assertEquals(en.getField(), ko.getField());
            check(c, ko.getDetail(), "message_ko", "message_ko_starts_with", port);
        }
    }
}
