package dev.polis.guards.detect;

import java.text.Normalizer;

/**
 * Takes the accents off a lower-cased text letter by letter, keeping its length, so that patterns written without
 * accents ("peticion", "ubersetzung") match and their offsets stay those of the text; a typographic apostrophe
 * becomes a plain one.
 */
final class AccentFolding {

    private AccentFolding() {
    }

    /** Returns {@code lower} with each letter's accents taken off, character by character (the same length). */
    static String fold(String lower) {
        char[] out = lower.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == '\u2019') {
                out[i] = '\'';
            } else if (c >= 0xC0 && !Character.isSurrogate(c)) {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                out[i] = Character.toLowerCase(d.charAt(0));
            }
        }
        return new String(out);
    }
}
