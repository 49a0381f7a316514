package dev.polis.guards.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes letter-shift ciphers (ROT13 and the other Caesar shifts) in the parts of a text that read better shifted:
 * the whole text, or each stretch between line breaks, colons, quotes and sentence ends (an encoded line inside an
 * e-mail, a quoted message, or the text after "decode this:"). ROT13 is tried on every stretch; the other 24 shifts
 * only on a stretch of three words or more that reads as nothing in the languages {@link Readability} knows. A
 * stretch that already reads well ({@link Readability#readsWell}) is not shifted at all, so ordinary text costs one
 * count of its words.
 */
public final class Shifts {

    private static final Pattern SEGMENT = Pattern.compile("[^\\n:.!?\"'\u201c\u201d]+");

    /**
     * What a shifted reading found.
     *
     * @param text    the text with its shifted parts decoded
     * @param onlyRot whether every decoded part was ROT13 (else some used another shift)
     */
    public record Decoded(String text, boolean onlyRot) {
    }

    private Shifts() {
    }

    /** Returns {@code text} with its Latin letters shifted by {@code shift} places (13 is ROT13, its own inverse). */
    public static String shift(String text, int shift) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + shift) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + (c - 'A' + shift) % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns {@code text} with its shifted parts decoded, or empty when no part reads better shifted. */
    public static Optional<Decoded> decode(String text) {
        if (Readability.readsWell(text)) {
            return decodeStretches(text); // a text that reads well as a whole: only its stretches can hide a cipher
        }
        Optional<String> whole = readable(text, 13);
        if (whole.isPresent()) {
            return Optional.of(new Decoded(whole.get(), true));
        }
        return decodeStretches(text);
    }

    private static Optional<Decoded> decodeStretches(String text) {
        Matcher m = SEGMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        boolean any = false;
        boolean onlyRot = true;
        while (m.find()) {
            String segment = m.group();
            if (Readability.readsWell(segment)) {
                continue; // natural language already; left as it is
            }
            Optional<String> decoded = readable(segment, 13);
            if (decoded.isEmpty() && Readability.words(segment) >= 3 && Readability.commonWords(segment) == 0) {
                for (int s = 1; s < 26 && decoded.isEmpty(); s++) {
                    decoded = s == 13 ? Optional.empty() : readable(segment, s);
                    onlyRot &= decoded.isEmpty();
                }
            }
            out.append(text, last, m.start()).append(decoded.orElse(segment));
            last = m.end();
            any |= decoded.isPresent();
        }
        out.append(text, last, text.length());
        return any ? Optional.of(new Decoded(out.toString(), onlyRot)) : Optional.empty();
    }

    /** Returns {@code text} shifted by {@code shift} when it reads better so ({@link Readability#readsBetter}). */
    static Optional<String> readable(String text, int shift) {
        String decoded = shift(text, shift);
        return Readability.readsBetter(text, decoded) ? Optional.of(decoded) : Optional.empty();
    }
}
