package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tests/vectors/brn.json through the Java wrapper (as tests/brn_vectors.rs reads it). */
class BrnVectorsTest {
    private static final JsonObject V = Vectors.load("brn.json");

    @Test
    void everyCaseMatches() {
        List<JsonObject> cases = Vectors.list(V, "cases");
        assertTrue(cases.size() >= 40);
        int korean = 0;
        for (JsonObject c : cases) {
            byte[] input = Vectors.input(c);
            String expected = Vectors.str(c, "status");
            String note = c.toString();
            assertEquals(expected.equals("OK"), Brn.isValid(input), note);
            if (expected.equals("OK")) {
                assertEquals(Vectors.str(c, "normalized"), Brn.validate(input), note);
                assertEquals(Vectors.str(c, "formatted"), Brn.format(input), note);
                assertEquals(Vectors.str(c, "kind"), Brn.kind(input), note);
            } else {
                SmartbillException e = assertThrows(SmartbillException.class, () -> Brn.validate(input), note);
                assertEquals(expected, e.getStatusName(), note);
                assertFalse(e.getDetail().isEmpty(), note);
                assertEquals(expected, assertThrows(SmartbillException.class, () -> Brn.format(input)).getStatusName());
                assertEquals(expected, assertThrows(SmartbillException.class, () -> Brn.kind(input)).getStatusName());
                if (c.has("message_ko")) {
                    SmartbillException ko = Vectors.inKorean(() -> assertThrows(SmartbillException.class, () -> Brn.validate(input), note));
                    assertEquals(Vectors.str(c, "message_ko"), ko.getDetail(), note);
                    assertEquals(expected + ": " + Vectors.str(c, "message_ko"), ko.getMessage(), note);
                    assertEquals(expected, ko.getStatusName(), note);
                    assertEquals(null, ko.getField(), note);
                    korean++;
                }
            }
            if (!c.has("input_hex")) {
                String text = Vectors.str(c, "input");
                assertEquals(expected, Brn.check(text), note);
                assertEquals(expected.equals("OK"), Brn.isValid(text), note);
            }
        }
        assertTrue(korean >= 1, "cases with message_ko");
    }

    @Test
    void batchCasesMatch() {
        for (JsonObject c : Vectors.list(V, "batch")) {
            byte[] data = Vectors.str(c, "data").getBytes(StandardCharsets.UTF_8);
            byte separator = Vectors.str(c, "separator").getBytes(StandardCharsets.UTF_8)[0];
            String[] expected = Vectors.strings(c, "statuses").toArray(new String[0]);
            assertArrayEquals(expected, Brn.checkMany(data, separator), c.toString());
        }
    }

    @Test
    void recordCasesMatch() {
        for (JsonObject c : Vectors.list(V, "records")) {
            byte[] data = Vectors.str(c, "data").getBytes(StandardCharsets.UTF_8);
            int width = c.get("width").getAsInt();
            String[] expected = Vectors.strings(c, "statuses").toArray(new String[0]);
            assertArrayEquals(expected, Brn.checkRecords(data, width), c.toString());
        }
    }

    @Test
    void listBatchAgreesWithSingleChecksOnEveryTextCase() {
        List<String> inputs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonObject c : Vectors.list(V, "cases")) {
            if (!c.has("input_hex")) {
                inputs.add(Vectors.str(c, "input"));
                expected.add(Vectors.str(c, "status"));
            }
        }
        assertArrayEquals(expected.toArray(new String[0]), Brn.checkAll(inputs));
        boolean[] valid = Brn.areValid(inputs);
        for (int i = 0; i < valid.length; i++) {
            assertEquals(expected.get(i).equals("OK"), valid[i], inputs.get(i));
        }
    }
}
