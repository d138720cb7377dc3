package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** tests/vectors/form.json through the Java wrapper (as tests/form_vectors.rs reads it). */
class FormVectorsTest {
    private static final JsonObject V = Vectors.load("form.json");

    private static String statusOf(Executable call) {
        try {
            call.execute();
            return "OK";
        } catch (SmartbillException e) {
            return e.getStatusName();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static byte[] repeated(JsonObject step) {
        byte[] unit = Vectors.input(step);
        int times = step.has("repeat") ? step.get("repeat").getAsInt() : 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.write(unit, 0, unit.length);
        }
        return out.toByteArray();
    }

    private static SignupForm runSteps(JsonObject c, String note) {
        String environment = c.has("environment") ? Vectors.str(c, "environment") : "demo";
        SignupForm form = new SignupForm(environment);
        for (JsonObject step : Vectors.list(c, "steps")) {
            byte[] value = repeated(step);
            String name = Vectors.opt(step, "set");
            // Text is a String, whatever input_charset says; input_hex is bytes.
            String text = step.has("input_hex") ? null : new String(value, StandardCharsets.UTF_8);
            String got = name == null
                    ? statusOf(() -> form.setOption(Vectors.str(step, "option"), text))
                    : text != null
                    ? statusOf(() -> form.set(name, text))
                    : statusOf(() -> form.set(name, value));
            String expected = step.has("status") ? Vectors.str(step, "status") : "OK";
            assertEquals(expected, got, "step " + step + " of " + note);
        }
        return form;
    }

    @Test
    void everyCaseMatches() {
        List<JsonObject> cases = Vectors.list(V, "cases");
        assertTrue(cases.size() >= 100);
        int korean = 0;
        for (JsonObject c : cases) {
            String note = Vectors.str(c, "note");
            try (SignupForm form = runSteps(c, note)) {
                String expected = Vectors.str(c, "status");
                assertEquals(expected, statusOf(form::validate), note);
                assertEquals(expected, statusOf(form::htmlBytes), note);
                assertEquals(expected, statusOf(form::urlencoded), note);
                assertEquals(expected.equals("OK"), form.isValid(), note);
                if (!expected.equals("OK")) {
                    SmartbillException e = assertThrows(SmartbillException.class, form::validate, note);
                    assertEquals(Vectors.str(c, "field"), e.getField(), note);
                    for (String part : Vectors.strings(c, "message_contains")) {
                        assertTrue(e.getDetail().contains(part), note + ": " + e.getDetail() + " lacks " + part);
                    }
                    if (c.has("message_ko")) {
                        SmartbillException ko = Vectors.inKorean(() -> assertThrows(SmartbillException.class, form::validate, note));
                        assertEquals(Vectors.str(c, "message_ko"), ko.getDetail(), note);
                        assertEquals(expected, ko.getStatusName(), note);
                        assertEquals(Vectors.str(c, "field"), ko.getField(), note);
                        korean++;
                    }
                    continue;
                }
                assertEquals(Vectors.str(c, "urlencoded"), form.urlencoded(), note);
                byte[] bytes = form.htmlBytes();
                String page = form.html();
                assertEquals(new String(bytes, SignupForm.declaredCharset(bytes)), page, note);
                for (String part : Vectors.strings(c, "html_contains")) {
                    assertTrue(page.contains(part), note + ": page lacks " + part);
                }
                for (String part : Vectors.strings(c, "html_excludes")) {
                    assertFalse(page.contains(part), note + ": page has " + part);
                }
                for (String hex : Vectors.strings(c, "html_contains_hex")) {
                    assertTrue(Vectors.contains(bytes, Vectors.unhex(hex)), note + ": page bytes lack " + hex);
                }
                String action = form.actionUrl();
                assertTrue(page.contains("action=\"" + action + "\""), note);
            }
        }
        assertTrue(korean >= 2, "cases with message_ko");
    }

    @Test
    void environmentsMatch() {
        for (JsonObject c : Vectors.list(V, "environments")) {
            String input = Vectors.str(c, "environment");
            String expected = Vectors.str(c, "status");
            if (expected.equals("OK")) {
                try (SignupForm form = new SignupForm(input)) {
                    assertEquals(Vectors.str(c, "action_url"), form.actionUrl(), input);
                }
            } else {
                SmartbillException e = assertThrows(SmartbillException.class, () -> new SignupForm(input), input);
                assertEquals(expected, e.getStatusName(), input);
                assertEquals(Vectors.str(c, "field"), e.getField(), input);
            }
        }
    }

    @Test
    void koreanTextRoundTripsThroughTheEucKrPage() {
        try (SignupForm form = new SignupForm("demo")) {
            form.setOption("output_charset", "euc-kr")
                    .set("pComRegNo", "124-81-00998")
                    .set("pMIGRATIONFLAG", "TEST11")
                    .set("pComName", "(주)스마트빌 뷁");
            String page = form.html();
            assertTrue(page.contains("value=\"(주)스마트빌 뷁\""), page);
            assertNotNull(form.urlencoded());
            byte[] cp949 = "뷁".getBytes(java.nio.charset.Charset.forName("x-windows-949"));
            assertTrue(Vectors.contains(form.htmlBytes(), cp949));
            assertFalse(new String(form.htmlBytes(), StandardCharsets.UTF_8).contains("뷁"));
        } catch (Exception e) {
            fail(e);
        }
    }
}
