package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the wrapper adds over the library: exceptions, text, handles, redaction. */
class WrapperTest {
    private static final String BODY = "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"124-81-00998\","
            + "\"AUTH_CODE\":\"13F89DFEK99D4474A67EABE8F7258AA5\",\"AUTH_TOKEN\":\"tok-0123456789abcdef\","
            + "\"COM_NAME\":\"(주)스마트빌\",\"pID\":\"erp-01\",\"extra\":\"x\"}";

    @Test
    void exceptionCarriesStatusNameFieldAndMessage() {
        SmartbillException e = assertThrows(SmartbillException.class, () -> Brn.validate("124-81-00997"));
        assertEquals(13, e.getStatus());
        assertEquals("BRN_CHECKSUM", e.getStatusName());
        assertNull(e.getField());
        assertEquals("business number \"124-81-00997\": check digit is 7, expected 8", e.getDetail());
        assertEquals("BRN_CHECKSUM: " + e.getDetail(), e.getMessage());
    }

    @Test
    void formErrorsNameTheParameter() {
        try (SignupForm form = new SignupForm("demo")) {
            SmartbillException unknown = assertThrows(SmartbillException.class, () -> form.set("pNoSuch", "x"));
            assertEquals("INVALID_ARGUMENT", unknown.getStatusName());
            // An unknown name is never forgotten: the form cannot be sent.
            assertThrows(SmartbillException.class, () -> form.set("pNoSuch", (String) null));
            form.set("pComRegNo", "124-81-00998").set("pMIGRATIONFLAG", "TEST11");
            SmartbillException remembered = assertThrows(SmartbillException.class, form::validate);
            assertEquals("INVALID_ARGUMENT", remembered.getStatusName());
        }
        try (SignupForm form = new SignupForm("demo")) {
            form.set("pMIGRATIONFLAG", "TEST11");
            SmartbillException e = assertThrows(SmartbillException.class, form::html);
            assertEquals("FIELD_REQUIRED", e.getStatusName());
            assertEquals("pComRegNo", e.getField());
            form.set("pComRegNo", "124-81-00998").set("pComName", "스마트빌").set("pComName", (String) null);
            assertEquals("pComRegNo=1248100998&pMIGRATIONFLAG=TEST11", form.urlencoded());
        }
    }

    @Test
    void statusNamesComeFromTheLibrary() {
        assertEquals("OK", SmartbillException.statusName(0));
        assertEquals("FIELD_TOO_LONG", SmartbillException.statusName(21));
        assertEquals("UNKNOWN", SmartbillException.statusName(9999));
    }

    @Test
    void aPanicInsideTheLibraryIsAnInternalError() {
        int status = Abi.smartbill_selftest_panic();
        SmartbillException e = SmartbillException.fromLastError(status);
        assertEquals("INTERNAL", e.getStatusName());
        assertFalse(e.getDetail().isEmpty());
    }

    @Test
    void unpairedSurrogatesAreRefusedNotTurnedIntoQuestionMarks() {
        SmartbillException e = assertThrows(SmartbillException.class, () -> Brn.validate("124-81-0099\uD800"));
        // A '?' would also be BRN_FORMAT; only the raw bytes make the library say "not UTF-8".
        assertEquals("BRN_FORMAT", e.getStatusName());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        try (SignupForm form = new SignupForm("demo")) {
            assertEquals("INVALID_TEXT", assertThrows(SmartbillException.class,
                    () -> form.set("pComName", "a\uDC00b")).getStatusName());
            assertEquals("FIELD_UNENCODABLE", assertThrows(SmartbillException.class,
                    () -> form.set("pComName", "스마트빌 😀")).getStatusName());
        }
        assertArrayEquals("a😀한".getBytes(StandardCharsets.UTF_8), Text.utf8("a😀한"));
        assertArrayEquals(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, Text.utf8("a\uD800"));
    }

    @Test
    void closedFormsRefuseUseAndCloseTwiceIsHarmless() {
        SignupForm form = new SignupForm("production");
        form.close();
        form.close();
        assertThrows(IllegalStateException.class, form::validate);
        assertThrows(IllegalStateException.class, () -> form.set("pComRegNo", "1248100998"));
        assertThrows(IllegalStateException.class, form::actionUrl);
    }

    @Test
    void nullArgumentsAreJavaErrors() {
        assertThrows(NullPointerException.class, () -> Brn.validate((String) null));
        assertThrows(NullPointerException.class, () -> Brn.areValid(Arrays.asList("1248100998", null)));
        assertThrows(NullPointerException.class, () -> new SignupForm(null));
        assertThrows(NullPointerException.class, () -> Callback.parse((byte[]) null));
    }

    @Test
    void batchesHandleEmptyListsAndItemsHoldingTheSeparator() {
        assertEquals(0, Brn.areValid(Collections.emptyList()).length);
        List<String> items = Arrays.asList("124-81-00998", "1248100998\u0000", "", "120-81-47521", "abc");
        assertArrayEquals(new String[] {"OK", "BRN_FORMAT", "BRN_LENGTH", "OK", "BRN_FORMAT"}, Brn.checkAll(items));
        assertArrayEquals(new boolean[] {true, false, false, true, false}, Brn.areValid(items));
        assertArrayEquals(new boolean[] {false}, Brn.areValid(Collections.singletonList("\u0000")));
    }

    @Test
    void callbackGettersToStringAndLookups() {
        Callback cb = Callback.parse(BODY);
        assertEquals("test1", cb.getUserSbid());
        assertEquals("(주)스마트빌", cb.getComName());
        assertEquals("erp-01", cb.getErpUserId());
        assertTrue(cb.isComRegnoValid());
        assertEquals("test1", cb.get("sbid"));      // the older name, any case: matched by the library
        assertEquals("x", cb.get(" EXTRA "));
        assertNull(cb.get("USER_PHONE"));
        assertEquals(Arrays.asList("USER_SBID", "COM_REGNO", "AUTH_CODE", "AUTH_TOKEN", "COM_NAME", "pID", "extra"), cb.keys());
        String shown = cb.toString();
        assertFalse(shown.contains("13F89DFE"), shown);
        assertFalse(shown.contains("tok-0123"), shown);
        assertTrue(shown.contains("AUTH_CODE=<redacted, 32 chars>"), shown);
        assertTrue(shown.contains("USER_SBID=\"test1\""), shown);
        assertEquals(cb.asMap(), Callback.parse(BODY.getBytes(StandardCharsets.UTF_8)).asMap());
        assertThrows(UnsupportedOperationException.class, () -> cb.asMap().put("USER_SBID", "x"));
    }

    @Test
    void callbackErrorsNeverShowTheSecrets() {
        String missing = "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"SECRETCODE123456\"}";
        SmartbillException e = assertThrows(SmartbillException.class, () -> Callback.parse(missing));
        assertEquals("CALLBACK_MISSING", e.getStatusName());
        assertEquals("AUTH_TOKEN", e.getField());
        assertFalse(e.getMessage().contains("SECRETCODE"));
        assertEquals("CALLBACK_TOO_LARGE", assertThrows(SmartbillException.class,
                () -> Callback.parse(BODY.getBytes(StandardCharsets.UTF_8), 10)).getStatusName());
    }

    @Test
    void versionsComeFromTheLibrary() {
        assertEquals(Abi.SMARTBILL_ABI_VERSION, SmartbillSignup.ABI_VERSION);
        assertEquals(SmartbillSignup.ABI_VERSION, SmartbillSignup.libraryAbiVersion());
        assertTrue(SmartbillSignup.libraryVersion().matches("\\d+\\.\\d+\\.\\d+.*"));
    }
}
