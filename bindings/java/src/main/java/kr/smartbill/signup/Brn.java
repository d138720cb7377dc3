package kr.smartbill.signup;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Business registration numbers (사업자등록번호): ten digits written
 * {@code XXX-XX-XXXXX}. Dashes, inner spaces and surrounding whitespace are
 * accepted. Every rule lives in the native library; these methods carry
 * numbers to it and answers back.
 *
 * <pre>{@code
 * Brn.validate("124-81-00998");   // "1248100998"
 * Brn.format("1248100998");       // "124-81-00998"
 * Brn.kind("116-82-00276");       // "nonprofit_corporation"
 * Brn.isValid("123-45-67890");    // false
 * Brn.validate("123-45-67890");   // SmartbillException BRN_CHECKSUM
 * }</pre>
 *
 * <p>Failures throw {@link SmartbillException} with the first rule broken:
 * {@code BRN_FORMAT}, {@code BRN_LENGTH}, {@code BRN_COMPONENT},
 * {@code BRN_CHECKSUM} (bytes that are not UTF-8, such as CP949 Hangul,
 * are {@code BRN_FORMAT} too).
 * Byte-array overloads take UTF-8 bytes, e.g. a field read from a file.
 */
public final class Brn {
    /** The batch separator: NUL, which no valid number holds (a newline is whitespace inside a number). */
    private static final byte SEPARATOR = 0;

    private Brn() {}

    /** Checks the number and returns its 10 digits. */
    public static String validate(String number) {
        return validate(utf8(number));
    }

    public static String validate(byte[] number) {
        byte[] n = Objects.requireNonNull(number, "number");
        return Text.readUtf8((buf, cap, len) -> Abi.smartbill_brn_normalize(n, Text.length(n), buf, cap, len));
    }

    /** Checks the number and returns it as {@code XXX-XX-XXXXX}. */
    public static String format(String number) {
        return format(utf8(number));
    }

    public static String format(byte[] number) {
        byte[] n = Objects.requireNonNull(number, "number");
        return Text.readUtf8((buf, cap, len) -> Abi.smartbill_brn_format(n, Text.length(n), buf, cap, len));
    }

    /**
     * Checks the number and returns the kind its business-type code gives:
     * {@code individual_taxable}, {@code nonprofit_organization},
     * {@code corporation}, {@code nonprofit_corporation}, {@code government},
     * {@code foreign_corporation}, {@code corporation_branch},
     * {@code religious_organization} or {@code individual_exempt}.
     */
    public static String kind(String number) {
        return kind(utf8(number));
    }

    public static String kind(byte[] number) {
        byte[] n = Objects.requireNonNull(number, "number");
        return Text.readUtf8((buf, cap, len) -> Abi.smartbill_brn_kind(n, Text.length(n), buf, cap, len));
    }

    /** Whether the number passes every rule; never throws for its content. */
    public static boolean isValid(String number) {
        return isValid(utf8(number));
    }

    public static boolean isValid(byte[] number) {
        Objects.requireNonNull(number, "number");
        return Abi.smartbill_brn_check(number, Text.length(number)) == Abi.SMARTBILL_OK;
    }

    /** The status name for the number: "OK" or the first rule it breaks ("BRN_CHECKSUM", ...). */
    public static String check(String number) {
        byte[] n = utf8(number);
        return SmartbillException.statusName(Abi.smartbill_brn_check(n, Text.length(n)));
    }

    /** Whether each number is valid, in order, checked in one native call. */
    public static boolean[] areValid(List<String> numbers) {
        int[] statuses = statuses(numbers);
        boolean[] valid = new boolean[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            valid[i] = statuses[i] == Abi.SMARTBILL_OK;
        }
        return valid;
    }

    /** The status name of each number ("OK", "BRN_CHECKSUM", ...), in order, checked as by {@link #areValid}. */
    public static String[] checkAll(List<String> numbers) {
        return names(statuses(numbers));
    }

    /**
     * The status name of each number in {@code data} (UTF-8), where every
     * number is ended by the byte {@code separator} (the last may omit it;
     * two in a row make an empty item), e.g. the lines of a file with
     * {@code '\n'}.
     */
    public static String[] checkMany(byte[] data, byte separator) {
        Objects.requireNonNull(data, "data");
        return names(checkBatch(data, separator, -1));
    }

    /**
     * The status name of each fixed-width record of {@code width} bytes in
     * {@code data} (a COBOL OCCURS table of PIC X(n)); space padding is
     * ignored. {@code data.length} must be a multiple of {@code width}.
     */
    public static String[] checkRecords(byte[] data, int width) {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || data.length % width != 0) {
            throw new IllegalArgumentException("data of " + data.length + " bytes is not whole records of " + width + " bytes");
        }
        int count = data.length / width;
        int[] statuses = new int[count];
        int status = Abi.smartbill_brn_check_records(data, Sizes.size(width), Sizes.size(count), statuses);
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
        return names(statuses);
    }

    private static byte[] utf8(String number) {
        return Text.utf8(Objects.requireNonNull(number, "number"));
    }

    private static String[] names(int[] statuses) {
        String[] names = new String[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            names[i] = SmartbillException.statusName(statuses[i]);
        }
        return names;
    }

    private static int[] statuses(List<String> numbers) {
        Objects.requireNonNull(numbers, "numbers");
        int count = numbers.size();
        if (count == 0) {
            return new int[0];
        }
        byte[][] items = new byte[count][];
        boolean holdsSeparator = false;
        for (int i = 0; i < count; i++) {
            String item = Objects.requireNonNull(numbers.get(i), "numbers[" + i + "]");
            items[i] = Text.utf8(item);
            holdsSeparator |= item.indexOf('\0') >= 0;
        }
        if (!holdsSeparator) {
            return checkBatch(join(items, 0, count, null), SEPARATOR, count);
        }
        // Rare: an item holding NUL (never a valid number) would split in
        // two, so those are checked one by one and the rest in one batch.
        int[] statuses = new int[count];
        boolean[] alone = new boolean[count];
        int plain = 0;
        for (int i = 0; i < count; i++) {
            alone[i] = indexOf(items[i], SEPARATOR) >= 0;
            if (alone[i]) {
                statuses[i] = Abi.smartbill_brn_check(items[i], Text.length(items[i]));
            } else {
                plain++;
            }
        }
        if (plain > 0) {
            int[] batch = checkBatch(join(items, 0, count, alone), SEPARATOR, plain);
            for (int i = 0, j = 0; i < count; i++) {
                if (!alone[i]) {
                    statuses[i] = batch[j++];
                }
            }
        }
        return statuses;
    }

    /** Every item not skipped, each ended by the separator (so an empty last item counts). */
    private static byte[] join(byte[][] items, int from, int to, boolean[] skip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 * (to - from));
        for (int i = from; i < to; i++) {
            if (skip == null || !skip[i]) {
                out.write(items[i], 0, items[i].length);
                out.write(SEPARATOR);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Checks a batch; expected is the item count the caller sent, or -1 to ask the library. */
    private static int[] checkBatch(byte[] data, byte separator, int expected) {
        long[] count = new long[1];
        int[] statuses = new int[Math.max(expected, 0)];
        int status = Abi.smartbill_brn_check_many(data, Text.length(data), separator, statuses, Sizes.size(statuses.length), count);
        if (status == Abi.SMARTBILL_ERR_BUFFER_TOO_SMALL && expected < 0) {
            statuses = new int[(int) count[0]];
            status = Abi.smartbill_brn_check_many(data, Text.length(data), separator, statuses, Sizes.size(statuses.length), count);
        }
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
        if (expected >= 0 && count[0] != expected) {
            throw new IllegalStateException("smartbill_brn_check_many saw " + count[0] + " numbers, " + expected + " were sent");
        }
        return statuses;
    }

}
