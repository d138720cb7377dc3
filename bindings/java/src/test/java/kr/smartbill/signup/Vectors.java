package kr.smartbill.signup;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The shared vectors in tests/vectors (the folder comes from the smartbill.vectors property). */
final class Vectors {
    private Vectors() {}

    /** Runs {@code action} with this thread's messages in Korean, then makes the thread follow the default again. */
    static <T> T inKorean(Supplier<T> action) {
        Smartbill.setLanguage("ko");
        try {
            return action.get();
        } finally {
            Smartbill.setLanguage("");
        }
    }

    static JsonObject load(String name) {
        String folder = System.getProperty("smartbill.vectors", "../../tests/vectors");
        Path path = Paths.get(folder, name);
        try {
            return JsonParser.parseString(new String(Files.readAllBytes(path), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    static List<JsonObject> list(JsonObject v, String key) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : v.getAsJsonArray(key)) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        JsonArray a = o.has(key) ? o.getAsJsonArray(key) : new JsonArray();
        for (JsonElement e : a) {
            out.add(e.getAsString());
        }
        return out;
    }

    static String str(JsonObject o, String key) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            throw new IllegalStateException(key + " missing in " + o);
        }
        return o.get(key).getAsString();
    }

    /** A string member, or null when absent. */
    static String opt(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    /** The case's input bytes: input as UTF-8 text, or input_hex as raw bytes. */
    static byte[] input(JsonObject o) {
        String hex = opt(o, "input_hex");
        return hex != null ? unhex(hex) : str(o, "input").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] unhex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b & 0xFF));
        }
        return s.toString();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
