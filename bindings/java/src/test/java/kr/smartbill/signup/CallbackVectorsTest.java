package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tests/vectors/callback.json through the Java wrapper (as tests/callback_vectors.rs reads it). */
class CallbackVectorsTest {
    private static final JsonObject V = Vectors.load("callback.json");

    /** A case's body: input, input_hex, or input_repeat (head + unit * count + tail). */
    static byte[] body(JsonObject c) {
        if (!c.has("input_repeat")) {
            return Vectors.input(c);
        }
        JsonObject r = c.getAsJsonObject("input_repeat");
        StringBuilder s = new StringBuilder(Vectors.str(r, "head"));
        String unit = Vectors.str(r, "unit");
        for (long i = r.get("count").getAsLong(); i > 0; i--) {
            s.append(unit);
        }
        return s.append(Vectors.str(r, "tail")).toString().getBytes(StandardCharsets.UTF_8);
    }

    static Callback parse(JsonObject c) {
        long max = (c.has("max_bytes") ? c : V).get(c.has("max_bytes") ? "max_bytes" : "default_max_bytes").getAsLong();
        return Callback.parse(body(c), max);
    }

    @Test
    void everyParseCaseMatches() {
        List<JsonObject> cases = Vectors.list(V, "parse");
        assertTrue(cases.size() >= 60);
        int korean = 0;
        for (JsonObject c : cases) {
            String name = Vectors.str(c, "name");
            String expected = Vectors.str(c, "status");
            if (expected.equals("OK")) {
                checkAccepted(c, parse(c), name);
            } else {
                SmartbillException e = assertThrows(SmartbillException.class, () -> parse(c), name);
                assertEquals(expected, e.getStatusName(), name + ": " + e.getDetail());
                assertEquals(Vectors.opt(c, "field"), e.getField(), name + ": field (" + e.getDetail() + ")");
                for (String part : Vectors.strings(c, "message_contains")) {
                    assertTrue(e.getDetail().contains(part), name + ": " + e.getDetail() + " lacks " + part);
                }
                if (c.has("message_ko")) {
                    SmartbillException ko = Vectors.inKorean(() -> assertThrows(SmartbillException.class, () -> parse(c), name));
                    assertEquals(Vectors.str(c, "message_ko"), ko.getDetail(), name);
                    assertEquals(e.getStatusName(), ko.getStatusName(), name);
                    assertEquals(e.getField(), ko.getField(), name);
                    korean++;
                }
            }
        }
        assertTrue(korean >= 2, "cases with message_ko");
    }

    private static void checkAccepted(JsonObject c, Callback cb, String name) {
        for (Map.Entry<String, JsonElement> f : c.getAsJsonObject("fields").entrySet()) {
            assertEquals(f.getValue().getAsString(), cb.get(f.getKey()), name + ": " + f.getKey());
            assertTrue(cb.has(f.getKey()), name + ": has " + f.getKey());
        }
        for (String key : Vectors.strings(c, "absent")) {
            assertNull(cb.get(key), name + ": " + key + " should be absent");
            assertFalse(cb.has(key), name + ": " + key);
            assertEquals(0, cb.getCp949(key).length, name + ": " + key);
        }
        if (c.has("keys")) {
            assertEquals(Vectors.strings(c, "keys"), cb.keys(), name);
        }
        assertEquals(c.get("com_regno_valid").getAsBoolean(), cb.isComRegnoValid(), name);
        if (c.has("cp949")) {
            for (Map.Entry<String, JsonElement> f : c.getAsJsonObject("cp949").entrySet()) {
                String got;
                try {
                    got = Vectors.hex(cb.getCp949(f.getKey()));
                } catch (SmartbillException e) {
                    assertEquals("UNENCODABLE", e.getStatusName(), name);
                    got = "UNENCODABLE";
                }
                assertEquals(f.getValue().getAsString(), got, name + ": " + f.getKey() + " in CP949");
            }
        }
        // The typed getters agree with get().
        assertEquals(cb.get("USER_SBID"), cb.getUserSbid(), name);
        assertEquals(cb.get("COM_REGNO"), cb.getComRegno(), name);
        assertEquals(cb.get("AUTH_CODE"), cb.getAuthCode(), name);
        assertEquals(cb.get("AUTH_TOKEN"), cb.getAuthToken(), name);
        assertEquals(cb.get("pID"), cb.getErpUserId(), name);
        assertEquals(cb.get("regYn"), cb.getRegYn(), name);
        assertEquals(cb.get("USER_EMAIL"), cb.getUserEmail(), name);
        assertEquals(cb.get("USER_NAME"), cb.getUserName(), name);
        assertEquals(cb.get("USER_PHONE"), cb.getUserPhone(), name);
        assertEquals(cb.get("COM_NAME"), cb.getComName(), name);
        assertEquals(cb.get("COM_PRESIDENT"), cb.getComPresident(), name);
        assertEquals(cb.get("COM_ADDRESS"), cb.getComAddress(), name);
        assertFalse(cb.getUserSbid().isEmpty(), name);
    }

    @Test
    void secretsAndPersonalDataNeverAppearInMessagesOrToString() {
        List<String> secrets = Vectors.strings(V, "secrets");
        List<String> personal = Vectors.strings(V, "personal");
        List<String> outputs = new ArrayList<>();
        for (JsonObject c : Vectors.list(V, "parse")) {
            try {
                String shown = parse(c).toString();
                for (String value : c.has("shown") ? Vectors.strings(c, "shown") : new ArrayList<String>()) {
                    assertTrue(shown.contains(value), shown + " lacks the public " + value);
                }
                outputs.add(shown);
            } catch (SmartbillException e) {
                outputs.add(e.getMessage());
                outputs.add(e.toString());
            }
        }
        for (String output : outputs) {
            for (String secret : secrets) {
                // No eight characters in a row from a secret, let alone all of it.
                for (int i = 0; i + 8 <= secret.length(); i++) {
                    String window = secret.substring(i, i + 8);
                    assertFalse(output.contains(window), output + " shows part of a secret (" + window + ")");
                }
            }
        }
        for (String output : outputs) {
            for (String value : personal) {
                assertFalse(output.contains(value), output + " shows the personal " + value);
            }
        }
        assertTrue(outputs.stream().anyMatch(o -> o.contains("<redacted, 88 chars>")));
        assertTrue(outputs.stream().anyMatch(o -> o.contains("USER_NAME=<redacted, 3 chars>")));
        assertTrue(outputs.stream().anyMatch(o -> o.contains("ERP_NOTE=<redacted, 17 chars>")));
    }

    @Test
    void everyKeyFlagsCaseMatches() {
        List<JsonObject> cases = Vectors.list(V, "key_flags");
        assertTrue(cases.size() >= 15);
        for (JsonObject c : cases) {
            String key = Vectors.str(c, "key");
            Callback.KeyInfo info = Callback.keyInfo(key);
            assertEquals(c.get("known").getAsBoolean(), info.isKnown(), key);
            assertEquals(c.get("required").getAsBoolean(), info.isRequired(), key);
            assertEquals(Vectors.str(c, "sensitivity").toUpperCase(java.util.Locale.ROOT), info.getSensitivity().name(), key);
            assertEquals(info.getSensitivity() != Callback.Sensitivity.PUBLIC, info.isHidden(), key);
        }
    }

    @Test
    void everySourceCaseMatches() {
        List<JsonObject> cases = Vectors.list(V, "source");
        assertTrue(cases.size() >= 20);
        for (JsonObject c : cases) {
            String note = Vectors.str(c, "note");
            String expected = Vectors.str(c, "status");
            String ip = Vectors.str(c, "ip");
            String env = Vectors.str(c, "environment");
            String extra = Vectors.str(c, "extra_ips");
            if (expected.equals("OK")) {
                assertEquals(c.get("allowed").getAsBoolean(), Callback.sourceAllowed(ip, env, extra), note);
            } else {
                SmartbillException e = assertThrows(SmartbillException.class, () -> Callback.sourceAllowed(ip, env, extra), note);
                assertEquals(expected, e.getStatusName(), note + ": " + e.getDetail());
            }
        }
    }
}
