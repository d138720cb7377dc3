package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The declarations match the header, and the 32-bit list (which cannot run
 * on this machine) is the 64-bit list with every long as int.
 */
class NativeDeclarationsTest {
    private static Map<String, Method> natives(String className) throws ClassNotFoundException {
        // Not initialized: Native32 must not register on a 64-bit JVM.
        Class<?> c = Class.forName(className, false, NativeDeclarationsTest.class.getClassLoader());
        Map<String, Method> out = new TreeMap<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())) {
                out.put(m.getName(), m);
            }
        }
        return out;
    }

    private static Class<?> narrow(Class<?> t) {
        return t == long.class ? int.class : t == long[].class ? int[].class : t;
    }

    @Test
    void theThirtyTwoBitListIsTheSixtyFourBitListNarrowed() throws Exception {
        Map<String, Method> wide = natives("kr.smartbill.signup.Native64");
        Map<String, Method> thin = natives("kr.smartbill.signup.Native32");
        assertEquals(wide.keySet(), thin.keySet(), "regenerate Native32.java with gen-native32.sh");
        for (Method w : wide.values()) {
            Method t = thin.get(w.getName());
            assertEquals(narrow(w.getReturnType()), t.getReturnType(), w.getName());
            Class<?>[] wp = w.getParameterTypes();
            Class<?>[] tp = t.getParameterTypes();
            assertEquals(wp.length, tp.length, w.getName());
            for (int i = 0; i < wp.length; i++) {
                assertEquals(narrow(wp[i]), tp[i], w.getName() + " parameter " + i);
            }
        }
    }

    @Test
    void everyHeaderFunctionIsDeclaredWithItsArity() throws IOException, ClassNotFoundException {
        String header = new String(Files.readAllBytes(Paths.get("../../include/smartbill_signup.h")), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\n[a-z_0-9 ]+[ *](smartbill_[a-z_0-9]+)\\(([^)]*)\\);").matcher(header);
        Map<String, Method> declared = natives("kr.smartbill.signup.Native64");
        TreeSet<String> inHeader = new TreeSet<>();
        while (m.find()) {
            String name = m.group(1);
            String params = m.group(2).trim();
            int arity = params.equals("void") ? 0 : params.split(",").length;
            inHeader.add(name);
            assertTrue(declared.containsKey(name), name + " is not declared");
            assertEquals(arity, declared.get(name).getParameterCount(), name);
        }
        assertEquals(inHeader, declared.keySet());
    }

    @Test
    void sixtyFourBitSizesOnThisJvm() {
        assertEquals(Native.POINTER_SIZE == 8, Abi.WIDE);
        assertEquals(Native.SIZE_T_SIZE, Native.POINTER_SIZE);
    }
}
