package dev.polis.lazyllm.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic long-context retrieval task LazyLLM is measured on (byte-level text): lowercase filler words, facts
 * written as a key (one uppercase letter, used for nothing else) followed by a four-digit value ({@code K7193}), and
 * questions {@code ?K} answered by the value. Training documents mix facts and answered questions; a benchmark prompt
 * hides one fact (the needle) at a chosen depth among distractor facts and filler and ends with its question, so the
 * next tokens must be the needle's value.
 */
public final class RetrievalText {

    private static final String[] WORDS = {"the", "old", "mill", "river", "stone", "bread", "walked", "under", "green",
        "hills", "and", "a", "quiet", "village", "where", "people", "baked", "in", "morning", "light", "over", "bridge",
        "slow", "cart", "carried", "wool", "to", "market", "we", "sat", "by", "water", "while", "birds", "sang",
        "of", "rain", "field", "long", "road"};
    private static final String KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private RetrievalText() {
    }

    /** A benchmark prompt: its tokens (bytes) and the value that answers it. */
    public record Prompt(int[] tokens, String answer, int needleAt) {
    }

    /**
     * Returns a training document of about {@code length} bytes: filler of a quarter to all of {@code filler} bytes
     * (at least one word) between items, each item a new fact (while keys remain, two times in three) or the question
     * of an earlier fact with its answer.
     */
    public static String document(SplittableRandom random, int length, int filler) {
        return document(random, length, filler, 1.0 / 3);
    }

    /**
     * Returns a training document as {@link #document(SplittableRandom, int, int)} does, with {@code questions} the
     * chance that an item is a question rather than a new fact (once a fact is placed; when the 26 keys are used up,
     * every item is a question). More questions make copying a larger share of the tokens a model can predict.
     */
    public static String document(SplittableRandom random, int length, int filler, double questions) {
        StringBuilder text = new StringBuilder();
        List<String> placed = new ArrayList<>();
        List<Character> keys = shuffledKeys(random);
        while (text.length() < length) {
            filler(random, text, Math.max(1, filler / 4 + random.nextInt(Math.max(1, filler - filler / 4))));
            if (!keys.isEmpty() && (placed.isEmpty() || random.nextDouble() >= questions)) {
                String fact = keys.remove(keys.size() - 1) + value(random);
                placed.add(fact);
                text.append(' ').append(fact).append(". ");
            } else if (!placed.isEmpty()) {
                String fact = placed.get(random.nextInt(placed.size()));
                text.append("\n?").append(fact).append("\n");
            }
        }
        return text.toString();
    }

    /**
     * Returns a prompt of exactly {@code tokens} bytes: filler with {@code distractors} facts spread evenly, the
     * needle fact at {@code depth} (0 = start, 1 = end of the context), and the needle's question at the end.
     */
    public static Prompt prompt(SplittableRandom random, int tokens, int distractors, double depth) {
        List<Character> keys = shuffledKeys(random);
        char needleKey = keys.remove(keys.size() - 1);
        String answer = value(random);
        String question = "\n?" + needleKey;
        int body = tokens - question.length();
        StringBuilder text = new StringBuilder();
        int facts = Math.min(distractors, keys.size());
        int needleSlot = (int) Math.round(depth * facts);
        int needleAt = -1;
        for (int f = 0; f <= facts; f++) {
            int until = (int) ((long) body * (f + 1) / (facts + 2));
            filler(random, text, Math.max(1, until - text.length()));
            if (f == needleSlot) {
                needleAt = text.length() + 1;
                text.append(' ').append(needleKey).append(answer).append(". ");
            }
            if (f < facts) {
                text.append(' ').append(keys.get(f)).append(value(random)).append(". ");
            }
        }
        filler(random, text, body - text.length());
        text.setLength(body);
        text.append(question);
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i];
        }
        return new Prompt(ids, answer, needleAt);
    }

    private static void filler(SplittableRandom random, StringBuilder text, int bytes) {
        int end = text.length() + bytes;
        while (text.length() < end) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(9) == 0 ? ". " : " ");
        }
    }

    private static String value(SplittableRandom random) {
        return String.valueOf(1000 + random.nextInt(9000));
    }

    private static List<Character> shuffledKeys(SplittableRandom random) {
        List<Character> keys = new ArrayList<>();
        for (char c : KEYS.toCharArray()) {
            keys.add(c);
        }
        for (int i = keys.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            keys.set(i, keys.set(j, keys.get(i)));
        }
        return keys;
    }
}
