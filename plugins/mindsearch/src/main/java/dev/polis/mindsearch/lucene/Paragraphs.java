package dev.polis.mindsearch.lucene;

import java.util.ArrayList;
import java.util.List;
import dev.polis.mindsearch.fetch.ReadableText;

/** Splits text into paragraphs and passages of about a given number of words. */
final class Paragraphs {

    private Paragraphs() {
    }

    /** Collapses whitespace inside paragraphs and separates paragraphs by one blank line. */
    static String normalise(String text) {
        return ReadableText.normalise(text);
    }

    /**
     * Returns passages of at most {@code words} words (a longer sentence is cut at the limit), made of whole
     * paragraphs where they fit, else of whole sentences.
     */
    static List<String> passages(String text, int words) {
        List<String> units = new ArrayList<>();
        for (String paragraph : normalise(text).split("\n\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            if (count(paragraph) <= words) {
                units.add(paragraph);
                continue;
            }
            for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
                String[] w = sentence.strip().split("\\s+");
                for (int at = 0; at < w.length; at += words) {
                    units.add(String.join(" ", java.util.Arrays.copyOfRange(w, at, Math.min(w.length, at + words))));
                }
            }
        }
        List<String> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int size = 0;
        for (String unit : units) {
            int n = count(unit);
            if (size > 0 && size + n > words) {
                passages.add(current.toString());
                current.setLength(0);
                size = 0;
            }
            current.append(size > 0 ? "\n\n" : "").append(unit);
            size += n;
        }
        if (size > 0) {
            passages.add(current.toString());
        }
        return passages;
    }

    static int count(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }
}
