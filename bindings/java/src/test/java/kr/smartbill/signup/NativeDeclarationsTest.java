package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated declarations (Abi.java) match the header, read here on its
 * own: every function, with the Java type each C type must have on 32-bit
 * and 64-bit JVMs alike.
 */
class NativeDeclarationsTest {
    private static final Map<String, Class<?>> JAVA_TYPE = new HashMap<>();

    static {
        JAVA_TYPE.put("void", void.class);
        JAVA_TYPE.put("int32_t", int.class);
        JAVA_TYPE.put("uint32_t", int.class);
        JAVA_TYPE.put("uint8_t", byte.class);
        JAVA_TYPE.put("int64_t", long.class);
        JAVA_TYPE.put("size_t", Sizes.SizeT.class);
        JAVA_TYPE.put("ptrdiff_t", Sizes.PtrdiffT.class);
        JAVA_TYPE.put("const char *", byte[].class);
        JAVA_TYPE.put("char *", byte[].class);
        JAVA_TYPE.put("size_t *", long[].class);
        JAVA_TYPE.put("int32_t *", int[].class);
        JAVA_TYPE.put("uint32_t *", int[].class);
        JAVA_TYPE.put("uint16_t *", short[].class);
        JAVA_TYPE.put("int64_t *", long[].class);
        JAVA_TYPE.put("uint64_t *", long[].class);
        JAVA_TYPE.put("const int32_t *", int[].class);
        JAVA_TYPE.put("const uint8_t *", byte[].class);
        // Arrays of pointer-sized values: memory the caller lays out.
        JAVA_TYPE.put("const size_t *", Pointer.class);
        JAVA_TYPE.put("const ptrdiff_t *", Pointer.class);
        JAVA_TYPE.put("const char *const *", Pointer.class);
    }

    private static String header() throws IOException {
        return new String(Files.readAllBytes(Paths.get("../../include/smartbill_signup.h")), StandardCharsets.UTF_8);
    }

    private static Class<?> javaType(String c, boolean returned) {
        String type = c.replaceAll("\\s+", " ").replace(" *", "*").replace("*", " *").trim();
        if (returned && type.equals("const char *")) {
            return Pointer.class; // a static string
        }
        if (type.matches("(const )?Smartbill\\w+ \\*")) {
            return Pointer.class;
        }
        if (type.matches("Smartbill\\w+ \\* \\*")) {
            return long[].class; // a new handle, written back
        }
        Class<?> java = JAVA_TYPE.get(type);
        assertNotNull(java, "no Java type for C type '" + type + "'");
        return java;
    }

    @Test
    void everyHeaderFunctionIsDeclaredWithItsTypes() throws IOException {
        Map<String, Method> declared = new TreeMap<>();
        for (Method m : Abi.class.getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())) {
                declared.put(m.getName(), m);
            }
        }
        String header = header().replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher m = Pattern.compile("\\n([a-zA-Z_0-9 ]+?) ?\\*?(smartbill_[a-z_0-9]+)\\(([^)]*)\\);").matcher(header);
        int seen = 0;
        while (m.find()) {
            String name = m.group(2);
            String ret = m.group(1) + (m.group(0).contains("*" + name) ? " *" : "");
            Method method = declared.remove(name);
            assertNotNull(method, name + " is in the header but not declared in Abi.java");
            assertEquals(javaType(ret, true), method.getReturnType(), name + " returns");
            String params = m.group(3).trim();
            String[] cParams = params.equals("void") ? new String[0] : params.split(",");
            Class<?>[] expected = new Class<?>[cParams.length];
            for (int i = 0; i < cParams.length; i++) {
                String p = cParams[i].trim();
                expected[i] = javaType(p.substring(0, p.length() - p.replaceAll(".*[\\s*]", "").length()), false);
            }
            assertArrayEquals(expected, method.getParameterTypes(), name);
            seen++;
        }
        assertTrue(seen >= 48, "only " + seen + " prototypes found in the header");
        assertTrue(declared.isEmpty(), "declared but not in the header: " + declared.keySet());
    }

    @Test
    void versionsMatchTheHeaderAndTheLibrary() throws IOException {
        String header = header();
        assertTrue(header.contains("\n#define SMARTBILL_ABI_VERSION " + Abi.SMARTBILL_ABI_VERSION + "\n"));
        assertTrue(header.contains("\n#define SMARTBILL_ABI_CHECKSUM "
                + Integer.toUnsignedString(Abi.SMARTBILL_ABI_CHECKSUM) + "\n"));
        assertEquals(Abi.SMARTBILL_ABI_CHECKSUM, Abi.smartbill_abi_checksum());
    }

    @Test
    void sizesArePointerSizedOnThisJvm() {
        assertEquals(Native.POINTER_SIZE, Native.getNativeSize(Sizes.SizeT.class));
        assertEquals(Native.POINTER_SIZE, Native.getNativeSize(Sizes.PtrdiffT.class));
        assertEquals(10L, Abi.smartbill_form_field_max_len(Sizes.size(0)).longValue());
    }
}
