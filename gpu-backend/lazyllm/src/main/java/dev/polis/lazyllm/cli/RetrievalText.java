package dev.polis.lazyllm.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The synthetic long-context retrieval task LazyLLM is measured on (byte-level text): lowercase filler words, facts
 * written as a key (one uppercase letter, used for nothing else) followed by a four-character value ({@code K7193},
 * or {@code K#7]~} with {@link ValueAlphabet#SYMBOLS}), and questions {@code ?K} answered by the value. Training
 * documents either mix facts and answered questions ({@link #document}) or have the shape of a benchmark prompt followed
 * by the answered questions of all its facts ({@link #quiz}), or repeat random strings placed in filler
 * ({@link #repeats}); a benchmark prompt hides one fact (the needle) at a chosen
 * depth among distractor facts and filler and ends with its question, so the next tokens must be the needle's value.
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
        return document(random, length, filler, questions, ValueAlphabet.DIGITS);
    }

    /** Returns a training document as {@link #document(SplittableRandom, int, int, double)} with values from {@code values}. */
    public static String document(SplittableRandom random, int length, int filler, double questions,
                                  ValueAlphabet values) {
        StringBuilder text = new StringBuilder();
        List<String> placed = new ArrayList<>();
        List<Character> keys = shuffledKeys(random);
        while (text.length() < length) {
            filler(random, text, Math.max(1, filler / 4 + random.nextInt(Math.max(1, filler - filler / 4))));
            if (!keys.isEmpty() && (placed.isEmpty() || random.nextDouble() >= questions)) {
                String fact = keys.remove(keys.size() - 1) + values.draw(random);
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
        return prompt(random, tokens, distractors, depth, ValueAlphabet.DIGITS);
    }

    /** Returns a prompt as {@link #prompt(SplittableRandom, int, int, double)} does, with values from {@code values}. */
    public static Prompt prompt(SplittableRandom random, int tokens, int distractors, double depth,
                                ValueAlphabet values) {
        List<Character> keys = shuffledKeys(random);
        char needleKey = keys.remove(keys.size() - 1);
        String answer = values.draw(random);
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
                text.append(' ').append(keys.get(f)).append(values.draw(random)).append(". ");
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

    /**
     * Returns a training document shaped like a benchmark prompt: a context of {@code context} bytes (filler cut at
     * the last byte, as a prompt's is) holding {@code facts} facts spread as a prompt spreads its needle and
     * distractors (at most 26), then the question of every fact, in random order, each followed by its value
     * ({@code \n?K#7]~}), and a final line break. Every value after a question is predictable only by finding the
     * question's key in the context and copying what follows it.
     */
    public static String quiz(SplittableRandom random, int context, int facts, ValueAlphabet values) {
        List<Character> keys = shuffledKeys(random);
        int n = Math.min(facts, keys.size());
        return askedAgain(random, context, n, f -> keys.get(f) + values.draw(random));
    }

    /**
     * Returns a training document for copying at a distance, the skill a question needs (an induction head): a context
     * of about {@code context} bytes of filler holding {@code strings} random strings of 4 to 24 characters drawn from
     * the key letters and the 32 value symbols, each written where and as a fact is ({@code  QX#7]A~. }), then every
     * string again after {@code \n?}, in random order, and a final line break. Each character of a repeated string
     * after its first is predictable only by finding the characters before it in the context and copying the one that
     * follows, so nearly a third of the text rewards that skill; a bench question {@code ?K} is the same act with a
     * one-letter key.
     */
    public static String repeats(SplittableRandom random, int context, int strings) {
        String alphabet = KEYS + ValueAlphabet.SYMBOL_CHARACTERS;
        return askedAgain(random, context, strings, s -> {
            char[] string = new char[4 + random.nextInt(21)];
            for (int i = 0; i < string.length; i++) {
                string[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            return new String(string);
        });
    }

    /**
     * Returns a context of {@code context} bytes of filler (cut at its last filler byte) holding {@code count} items
     * from {@code item} spread evenly, each written {@code  item. }, then every item again after {@code \n?} in random
     * order and a final line break: the shape of {@link #quiz} and {@link #repeats}. Items are drawn in place, after
     * the filler before them: the order of draws a seed's documents depend on.
     */
    private static String askedAgain(SplittableRandom random, int context, int count, IntFunction<String> item) {
        List<String> placed = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int until = (int) ((long) context * (i + 1) / (count + 1));
            filler(random, text, Math.max(1, until - text.length()));
            String next = item.apply(i);
            placed.add(next);
            text.append(' ').append(next).append(". ");
        }
        filler(random, text, Math.max(1, context - text.length()));
        text.setLength(Math.max(context, text.lastIndexOf(". ") + 2));
        shuffle(random, placed);
        for (String again : placed) {
            text.append("\n?").append(again);
        }
        return text.append('\n').toString();
    }

    private static void filler(SplittableRandom random, StringBuilder text, int bytes) {
        int end = text.length() + bytes;
        while (text.length() < end) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(9) == 0 ? ". " : " ");
        }
    }

    private static List<Character> shuffledKeys(SplittableRandom random) {
        List<Character> keys = new ArrayList<>();
        for (char c : KEYS.toCharArray()) {
            keys.add(c);
        }
        shuffle(random, keys);
        return keys;
    }

    private static <T> void shuffle(SplittableRandom random, List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            items.set(i, items.set(j, items.get(i)));
        }
    }
}
