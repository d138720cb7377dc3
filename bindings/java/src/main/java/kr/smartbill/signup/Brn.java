package kr.smartbill.signup;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Arrays;
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
        return valid(statuses(numbers));
    }

    /** As {@link #areValid(List)}, for UTF-8 bytes (any byte, NUL included, may be in a number). */
    public static boolean[] areValid(byte[][] numbers) {
        return valid(checkArray(numbers));
    }

    /** The status name of each number ("OK", "BRN_CHECKSUM", ...), in order, checked as by {@link #areValid(List)}. */
    public static String[] checkAll(List<String> numbers) {
        return names(statuses(numbers));
    }

    /** As {@link #checkAll(List)}, for UTF-8 bytes. */
    public static String[] checkAll(byte[][] numbers) {
        return names(checkArray(numbers));
    }

    /**
     * The status name of each number in {@code data} (UTF-8), where every
     * number is ended by the byte {@code separator} (the last may omit it;
     * two in a row make an empty item), e.g. the lines of a file with
     * {@code '\n'}.
     */
    public static String[] checkMany(byte[] data, byte separator) {
        Objects.requireNonNull(data, "data");
        return names(manyStatuses(data, separator));
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

    private static boolean[] valid(int[] statuses) {
        boolean[] valid = new boolean[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            valid[i] = statuses[i] == Abi.SMARTBILL_OK;
        }
        return valid;
    }

    /**
     * Every number's UTF-8 bytes one after another, and each one's length:
     * an ASCII string (the usual number) is copied char by char, anything
     * else goes through {@link Text#utf8}.
     */
    private static int[] statuses(List<String> numbers) {
        Objects.requireNonNull(numbers, "numbers");
        String[] texts = numbers.toArray(new String[0]); // one pass, whatever the list's kind
        long chars = 0;
        for (int i = 0; i < texts.length; i++) {
            chars += Objects.requireNonNull(texts[i], "numbers[" + i + "]").length();
        }
        // Room for every char as one byte; grows only for text that is not ASCII.
        byte[] data = new byte[size(chars)];
        long[] lengths = new long[texts.length];
        int used = 0;
        for (int k = 0; k < texts.length; k++) {
            String text = texts[k];
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                data[used + i] = (byte) c;
                i++;
            }
            chars -= n;
            int length = n;
            if (i < n) {
                // Not ASCII: its UTF-8 bytes, keeping room for the rest (data.length - used >= chars).
                byte[] utf8 = Text.utf8(text);
                length = utf8.length;
                long needed = (long) used + length + chars;
                if (needed > data.length) {
                    data = Arrays.copyOf(data, size(Math.max(needed, Math.min(2L * data.length, Integer.MAX_VALUE - 8))));
                }
                System.arraycopy(utf8, 0, data, used, length);
            }
            lengths[k] = length;
            used += length;
        }
        return checkArray(data, used, lengths);
    }

    /** The numbers' bytes one after another, and each one's length. */
    private static int[] checkArray(byte[][] numbers) {
        Objects.requireNonNull(numbers, "numbers");
        long total = 0;
        for (int i = 0; i < numbers.length; i++) {
            total += Objects.requireNonNull(numbers[i], "numbers[" + i + "]").length;
        }
        byte[] data = new byte[size(total)];
        long[] lengths = new long[numbers.length];
        int used = 0;
        for (int i = 0; i < numbers.length; i++) {
            System.arraycopy(numbers[i], 0, data, used, numbers[i].length);
            lengths[i] = numbers[i].length;
            used += numbers[i].length;
        }
        return checkArray(data, used, lengths);
    }

    private static int size(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the numbers hold more than 2 GiB of text");
        }
        return (int) bytes;
    }

    /**
     * One smartbill_brn_check_array call: one native block holds each
     * number's address, its length and then the numbers' bytes (the first
     * {@code used} of {@code data}); no separator, so any byte may be in a
     * number.
     */
    private static int[] checkArray(byte[] data, int used, long[] lengths) {
        int count = lengths.length;
        int[] statuses = new int[count];
        if (count == 0) {
            return statuses;
        }
        // size_t and ptrdiff_t are as wide as a pointer on every platform the library runs on.
        int word = Native.POINTER_SIZE;
        long lengthsAt = (long) count * word;
        long dataAt = 2 * lengthsAt;
        long size = dataAt + Math.max(used, 1);
        Memory block = size > KEPT_BYTES ? new Memory(size) : kept(size);
        try {
            long address = Pointer.nativeValue(block) + dataAt;
            if (word == 8) {
                long[] addresses = new long[count];
                for (int i = 0; i < count; i++) {
                    addresses[i] = address;
                    address += lengths[i];
                }
                block.write(0, addresses, 0, count);
                block.write(lengthsAt, lengths, 0, count);
            } else {
                int[] addresses = new int[count];
                int[] narrow = new int[count];
                for (int i = 0; i < count; i++) {
                    addresses[i] = (int) address;
                    narrow[i] = (int) lengths[i];
                    address += lengths[i];
                }
                block.write(0, addresses, 0, count);
                block.write(lengthsAt, narrow, 0, count);
            }
            block.write(dataAt, data, 0, used);
            int status = Abi.smartbill_brn_check_array(block, block.share(lengthsAt), Sizes.size(count), statuses);
            if (status != Abi.SMARTBILL_OK) {
                throw SmartbillException.fromLastError(status);
            }
        } finally {
            if (size > KEPT_BYTES) {
                block.close();
            }
        }
        return statuses;
    }

    /**
     * A thread keeps its native block for its next batch of up to
     * {@link #KEPT_BYTES} bytes (about 9,000 numbers): allocating and
     * freeing native memory would cost a small batch more than checking
     * it. A block left by a thread that ends is freed with it.
     */
    private static final int KEPT_BYTES = 256 * 1024;
    private static final ThreadLocal<Memory> KEPT = new ThreadLocal<>();

    private static Memory kept(long size) {
        Memory block = KEPT.get();
        if (block == null || block.size() < size) {
            if (block != null) {
                block.close();
            }
            block = new Memory(block == null ? size : Math.min(KEPT_BYTES, Math.max(size, 2 * block.size())));
            KEPT.set(block);
        }
        return block;
    }

    /** Checks the separated items of data: counts them first, then checks them. */
    private static int[] manyStatuses(byte[] data, byte separator) {
        long[] count = new long[1];
        int[] statuses = new int[0];
        int status = Abi.smartbill_brn_check_many(data, Text.length(data), separator, statuses, Sizes.size(0), count);
        if (status == Abi.SMARTBILL_ERR_BUFFER_TOO_SMALL) {
            statuses = new int[Math.toIntExact(count[0])];
            status = Abi.smartbill_brn_check_many(data, Text.length(data), separator, statuses, Sizes.size(statuses.length), count);
        }
        if (status != Abi.SMARTBILL_OK) {
            throw SmartbillException.fromLastError(status);
        }
        return statuses;
    }

}
