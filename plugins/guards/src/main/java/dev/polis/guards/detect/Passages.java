package dev.polis.guards.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into overlapping passages of whole sentences, so that one injected sentence in a long document
 * is scored on its own instead of being diluted by the document around it: each window of sentences and each
 * sentence alone.
 */
public final class Passages {

    /** The longest passage, in characters, unless a single sentence is longer. */
    public static final int MAX_CHARS = 320;

    /**
     * One passage: its text and the sentences it spans.
     *
     * @param text  the sentences joined by single spaces
     * @param first the index of its first sentence
     * @param end   the index after its last sentence
     */
    public record Passage(String text, int first, int end) {
    }

    /**
     * A text cut into sentences and passages over them.
     *
     * @param sentences the sentences, trimmed, in order
     * @param starts    where each sentence starts in the text (offsets of rule matches in a sentence plus its start
     *                  are offsets into the text)
     * @param passages  the passages, in order
     */
    public record Cut(List<String> sentences, List<Integer> starts, List<Passage> passages) {
    }

    private Passages() {
    }

    /** Returns the passages of {@code text}: the text itself when short, else windows of consecutive sentences. */
    public static List<String> of(String text) {
        return cut(text).passages().stream().map(Passage::text).toList();
    }

    /**
     * Returns {@code text} cut into sentences and passages: one passage (the whole text, one sentence) when it is
     * short, else each window of consecutive sentences of at most {@link #MAX_CHARS} characters and, after a window
     * of several sentences, its first sentence alone.
     */
    public static Cut cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return new Cut(List.of(text), List.of(0), List.of(new Passage(text, 0, 1)));
        }
        List<String> sentences = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        sentences(text, sentences, starts);
        List<Passage> out = new ArrayList<>();
        for (int first = 0; first < sentences.size(); first++) {
            StringBuilder window = new StringBuilder(sentences.get(first));
            int last = first + 1;
            while (last < sentences.size() && window.length() + sentences.get(last).length() <= MAX_CHARS) {
                window.append(' ').append(sentences.get(last));
                last++;
            }
            out.add(new Passage(window.toString(), first, last));
            if (last > first + 1) {
                // the sentence alone, so that its neighbours cannot dilute it
                out.add(new Passage(sentences.get(first), first, first + 1));
            }
            if (last == sentences.size()) {
                break;
            }
        }
        return new Cut(sentences, starts, out);
    }

    private static void sentences(String text, List<String> out, List<Integer> starts) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || ((c == '.' || c == '!' || c == '?' || c == '。')
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
            if (end || i - start >= MAX_CHARS) {
                addTrimmed(out, starts, text, start, i + 1);
                start = i + 1;
            }
        }
        addTrimmed(out, starts, text, start, text.length());
    }

    private static void addTrimmed(List<String> out, List<Integer> starts, String text, int from, int to) {
        int first = from;
        while (first < to && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        String s = text.substring(first, to).strip();
        if (!s.isEmpty()) {
            out.add(s);
            starts.add(first);
        }
    }
}
