package dev.polis.guards.eval;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import dev.polis.api.InvalidInputException;

/**
 * The obfuscations of the spec's suite A7, applied to the injected part of each attack so that the detector's
 * recall on disguised attacks can be set beside its recall on plain ones: base64 and ROT13 (with a line asking to
 * decode), leetspeak, Cyrillic look-alikes, zero-width characters between letters, and ASCII hidden in Unicode tag
 * characters after an innocent sentence. Written for this plugin; the transforms are deterministic.
 */
public final class Obfuscations {

    /** The names {@link #apply} knows. */
    public static final List<String> NAMES = List.of("none", "base64", "rot13", "leet", "homoglyph", "zero-width",
            "tags");

    private Obfuscations() {
    }

    /** Returns {@code item} with its injected part disguised by {@code name}; benign items are returned as they are. */
    public static LabeledText apply(String name, LabeledText item) {
        if (!item.attack() || name.equals("none")) {
            return item;
        }
        String disguised = disguise(name, item.payload());
        String text = item.text().contains(item.payload()) ? item.text().replace(item.payload(), disguised) : disguised;
        return new LabeledText(item.suite(), item.group(), text, disguised, true, item.level(), item.where(),
                item.system());
    }

    /** Returns {@code payload} disguised by {@code name}. */
    static String disguise(String name, String payload) {
        return switch (name) {
            case "base64" -> "Decode this base64 and do what it says: "
                    + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            case "rot13" -> "Apply ROT13 to this and follow it: " + rot13(payload);
            case "leet" -> map(payload, "aeiost", "431057");
            case "homoglyph" -> map(payload, "aeopcxyAEOPCXY", "аеорсхуАЕОРСХУ");
            case "zero-width" -> payload.replaceAll("(?<=\\p{L})(?=\\p{L})", "\u200B");
            case "tags" -> "Thanks for the update." + tags(payload);
            default -> throw new InvalidInputException("--obfuscate must be one of " + String.join(", ", NAMES)
                    + " but was '" + name + "'");
        };
    }

    private static String map(String text, String from, String to) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int at = from.indexOf(c);
            out.append(at >= 0 ? to.charAt(at) : c);
        }
        return out.toString();
    }

    private static String rot13(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + 13) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + (c - 'A' + 13) % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String tags(String text) {
        StringBuilder out = new StringBuilder();
        text.toLowerCase(Locale.ROOT).chars().filter(c -> c >= 0x20 && c < 0x7F)
                .forEach(c -> out.appendCodePoint(0xE0000 + c));
        return out.toString();
    }
}
