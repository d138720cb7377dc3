package kr.smartbill.signup;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The language of the library's messages (English or Korean) and the
 * one-line description of each status: smartbill_set_language,
 * smartbill_set_default_language, smartbill_language and
 * smartbill_status_description.
 *
 * <p>The choice is per thread, like the last error: {@link #setLanguage}
 * changes the calling thread only, {@link #setDefaultLanguage} every thread
 * that made no choice of its own (English until set). A
 * {@link SmartbillException} carries its message in the language its thread
 * had when the call failed; {@link SmartbillException#getStatusName()} and
 * {@link SmartbillException#getField()} are the same in every language.
 * A pooled thread (an executor's, a servlet container's) keeps its choice
 * between tasks: set it where each task starts.
 *
 * <pre>{@code
 * Smartbill.setLanguage("ko");
 * try {
 *     Brn.validate("124-81-00997");
 * } catch (SmartbillException e) {
 *     e.getDetail(); // 사업자등록번호 "124-81-00997": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)
 * }
 * }</pre>
 */
public final class Smartbill {
    /** Status names to numbers, from the generated constants (Abi.java). */
    private static final Map<String, Integer> NUMBERS = readNumbers();

    private Smartbill() {}

    private static Map<String, Integer> readNumbers() {
        Map<String, Integer> numbers = new HashMap<>();
        for (Field f : Abi.class.getDeclaredFields()) {
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String name = f.getName();
            String status = name.equals("SMARTBILL_OK") ? "OK"
                    : name.startsWith("SMARTBILL_ERR_") ? name.substring("SMARTBILL_ERR_".length()) : null;
            if (status != null) {
                try {
                    numbers.put(status, f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("smartbill-signup: cannot read " + name, e);
                }
            }
        }
        return Collections.unmodifiableMap(numbers);
    }

    /** Every status name the library has ("OK", "BRN_CHECKSUM", ...), in number order. */
    public static List<String> statusNames() {
        List<String> names = new ArrayList<>(NUMBERS.keySet());
        names.sort(Comparator.comparing(NUMBERS::get));
        return Collections.unmodifiableList(names);
    }

    /**
     * Sets the language of the messages made on the calling thread:
     * {@code "ko"} (Korean) or {@code "en"} (English); {@code ""} makes the
     * thread follow the process default again. Other threads are not
     * affected. An unknown language throws INVALID_ARGUMENT (field
     * "language").
     */
    public static void setLanguage(String language) {
        byte[] code = Text.utf8(Objects.requireNonNull(language, "language"));
        check(Abi.smartbill_set_language(code, Text.length(code)));
    }

    /**
     * Sets the process default language ({@code "ko"} or {@code "en"};
     * English until set), which every thread without its own choice follows.
     */
    public static void setDefaultLanguage(String language) {
        byte[] code = Text.utf8(Objects.requireNonNull(language, "language"));
        check(Abi.smartbill_set_default_language(code, Text.length(code)));
    }

    /** The language of the messages the calling thread makes now: "en" or "ko". */
    public static String language() {
        return Text.ofStatic(Abi.smartbill_language());
    }

    /**
     * A one-line description of a status for a user's screen, by its name
     * ({@code "BRN_CHECKSUM"}, as {@link SmartbillException#getStatusName()}
     * gives it), in {@code language} ({@code "ko"} or {@code "en"}; null: the
     * calling thread's). A name the library does not have throws
     * {@link IllegalArgumentException}.
     */
    public static String statusDescription(String statusName, String language) {
        Integer number = NUMBERS.get(Objects.requireNonNull(statusName, "statusName"));
        if (number == null) {
            throw new IllegalArgumentException("unknown status name \"" + statusName + "\"");
        }
        return statusDescription(number, language);
    }

    /** {@link #statusDescription(String, String)} in the calling thread's language. */
    public static String statusDescription(String statusName) {
        return statusDescription(statusName, null);
    }

    /**
     * A one-line description of a status number
     * ({@link SmartbillException#getStatus()}); a number the library does not
     * know is described too ("Unknown status 999.").
     */
    public static String statusDescription(int status, String language) {
        byte[] code = Text.utf8OrNull(language);
        byte[] buf = new byte[Text.FIRST_BUFFER];
        long[] len = new long[1];
        int result = Abi.smartbill_status_description(status, code, Text.length(code), 0, buf, Sizes.size(buf.length), len);
        if (result == Abi.SMARTBILL_ERR_BUFFER_TOO_SMALL) {
            buf = new byte[(int) len[0]];
            result = Abi.smartbill_status_description(status, code, Text.length(code), 0, buf, Sizes.size(buf.length), len);
        }
        if (result != Abi.SMARTBILL_OK) {
            // The call never replaces the thread's last error (it may be the
            // one being described), so its failure has only its status.
            String name = SmartbillException.statusName(result);
            throw new SmartbillException(result, name, "language", name);
        }
        return new String(buf, 0, (int) len[0], java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void check(int status) {
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
    }
}
