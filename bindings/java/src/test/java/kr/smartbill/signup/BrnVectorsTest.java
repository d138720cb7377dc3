package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
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

    @Test
    void arrayCasesMatch() {
        for (JsonObject c : Vectors.list(V, "array")) {
            List<JsonObject> items = Vectors.list(c, "items");
            byte[][] bytes = new byte[items.size()][];
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = Vectors.input(items.get(i));
                if (texts != null && !items.get(i).has("input_hex")) {
                    texts.add(Vectors.str(items.get(i), "input"));
                } else {
                    texts = null;
                }
            }
            String[] expected = Vectors.strings(c, "statuses").toArray(new String[0]);
            String note = c.toString();
            assertArrayEquals(expected, Brn.checkAll(bytes), note);
            boolean[] valid = Brn.areValid(bytes);
            assertEquals(expected.length, valid.length, note);
            for (int i = 0; i < valid.length; i++) {
                assertEquals(expected[i].equals("OK"), valid[i], note);
            }
            if (texts != null) {
                assertArrayEquals(expected, Brn.checkAll(texts), note);
                assertArrayEquals(expected, Brn.checkAll(new LinkedList<>(texts)), note);
            }
            agreesWithSingleChecks(bytes);
        }
    }

    @Test
    void arrayBatchAgreesWithSingleChecksOnEveryCase() {
        List<JsonObject> cases = Vectors.list(V, "cases");
        byte[][] inputs = new byte[cases.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Vectors.input(cases.get(i));
        }
        agreesWithSingleChecks(inputs);
    }

    /**
     * Random strings from pieces of numbers, bytes other batches use as
     * separators, NUL, whitespace, Hangul, other non-ASCII text and lone
     * surrogates, in batches of every small size and one large one: each
     * item's status in the batch is the single check's.
     */
    @Test
    void generatedBatchesAgreeWithSingleChecks() {
        String[] pieces = {"124", "81", "00998", "-", " ", "\n", "\0", "\u000b", "\u3000", "\u00a0", ",", "|",
            "\u001f", "사업자", "é", "\ud83d\ude00", "\ud800", "\udc00", "1", "0", ""};
        Random random = new Random(10);
        for (int round = 0; round < 301; round++) {
            int count = round == 300 ? 100_000 : random.nextInt(12);
            List<String> texts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                StringBuilder sb = new StringBuilder();
                for (int p = random.nextInt(8); p > 0; p--) {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
                texts.add(sb.toString());
            }
            String[] batch = Brn.checkAll(texts);
            boolean[] valid = Brn.areValid(texts);
            assertEquals(count, batch.length);
            for (int i = 0; i < count; i++) {
                String single = Brn.check(texts.get(i));
                assertEquals(single, batch[i], "round " + round + " item " + i);
                assertEquals(single.equals("OK"), valid[i], "round " + round + " item " + i);
            }
        }
    }

    @Test
    void batchesRefuseNullItems() {
        assertThrows(NullPointerException.class, () -> Brn.checkAll(Arrays.asList("1248100998", null)));
        assertThrows(NullPointerException.class, () -> Brn.checkAll(new byte[][] {new byte[0], null}));
        assertEquals(0, Brn.checkAll(new ArrayList<>()).length);
        assertEquals(0, Brn.areValid(new byte[0][]).length);
    }

    private static void agreesWithSingleChecks(byte[][] inputs) {
        String[] batch = Brn.checkAll(inputs);
        assertEquals(inputs.length, batch.length);
        for (int i = 0; i < inputs.length; i++) {
            String single = SmartbillException.statusName(Abi.smartbill_brn_check(inputs[i], Text.length(inputs[i])));
            assertEquals(single, batch[i], "item " + i + " (" + Vectors.hex(inputs[i]) + ")");
        }
    }
}
