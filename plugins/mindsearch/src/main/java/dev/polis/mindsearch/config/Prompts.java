package dev.polis.mindsearch.config;

import dev.polis.api.PolisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The prompt texts shipped with the plugin (resources under {@code dev/polis/mindsearch/prompts}), filled in. */
public final class Prompts {

    private Prompts() {
    }

    /** Returns prompt {@code name} with each {@code {key}} replaced by its value. */
    public static String text(String name, Map<String, String> values) {
        String text = load(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text.strip();
    }

    /** Returns prompt {@code name} as shipped. */
    public static String text(String name) {
        return text(name, Map.of());
    }

    private static String load(String name) {
        String path = "/dev/polis/mindsearch/prompts/" + name + ".txt";
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new PolisException("prompt " + path + " is missing from the mindsearch plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolisException("prompt " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
