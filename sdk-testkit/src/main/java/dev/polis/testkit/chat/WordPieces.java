package dev.polis.testkit.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into the word pieces a scripted model streams, and counts whitespace-separated tokens.
 *
 * <p>Each piece is a word with the whitespace before it ({@code "Hello big world"} gives {@code "Hello"},
 * {@code " big"}, {@code " world"}), so the pieces joined give back the text exactly.
 */
public final class WordPieces {

    private WordPieces() {
    }

    /** Returns the pieces of {@code text}; empty for an empty text. */
    public static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** Returns how many whitespace-separated tokens {@code text} has. */
    public static int count(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
