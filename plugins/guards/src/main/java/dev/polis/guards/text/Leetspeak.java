package dev.polis.guards.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a text written in leetspeak ("Ign0r3 7h3 4b0v3") as letters. The normaliser folds a word with at least two
 * Latin letters and some digits in place ({@link Homoglyphs}); words with fewer letters ("7h3", "m3", "35") stay as
 * they are there, since "m3" or "4k" are also ordinary tokens. When a text holds enough words that mix letters and
 * leet digits to be leetspeak as a whole, this gives a second reading with every such word, and every short run of
 * leet digits between them, folded, for the detector to scan beside the first.
 */
public final class Leetspeak {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}0-9@$]+");
    private static final String DIGITS = "013457@$";
    private static final String LETTERS = "oieastas";

    private Leetspeak() {
    }

    /**
     * Returns the letter reading of {@code text} when at least two of its words, and at least one in six, mix letters
     * with leet digits (codes such as "LH400" aside); empty otherwise.
     */
    public static Optional<String> decode(String text) {
        Matcher m = TOKEN.matcher(text);
        int words = 0;
        int mixed = 0;
        while (m.find()) {
            words++;
            if (isMixed(m.group())) {
                mixed++;
            }
        }
        if (mixed < 2 || 6 * mixed < words) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(text.length());
        m.reset();
        int last = 0;
        while (m.find()) {
            String token = m.group();
            boolean fold = isMixed(token) || (token.length() <= 3 && onlyLeet(token));
            out.append(text, last, m.start()).append(fold ? fold(token) : token);
            last = m.end();
        }
        out.append(text, last, text.length());
        return Optional.of(out.toString());
    }

    /**
     * Returns whether {@code token} mixes letters with leet digits and is not a code such as "LH400", "14C" or "USB3"
     * (capitals and digits that meet once).
     */
    private static boolean isMixed(String token) {
        if (token.chars().noneMatch(Character::isLowerCase) && boundaries(token) == 1) {
            return false;
        }
        boolean letter = false;
        boolean leet = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (DIGITS.indexOf(c) >= 0) {
                leet = true;
            } else {
                return false; // another digit: a model number, a date, an amount
            }
        }
        return letter && leet;
    }

    private static int boundaries(String token) {
        int n = 0;
        for (int i = 1; i < token.length(); i++) {
            n += Character.isLetter(token.charAt(i)) != Character.isLetter(token.charAt(i - 1)) ? 1 : 0;
        }
        return n;
    }

    private static boolean onlyLeet(String token) {
        return token.chars().allMatch(c -> DIGITS.indexOf(c) >= 0);
    }

    private static String fold(String token) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int at = DIGITS.indexOf(c);
            out.append(at >= 0 ? LETTERS.charAt(at) : c);
        }
        return out.toString();
    }
}
