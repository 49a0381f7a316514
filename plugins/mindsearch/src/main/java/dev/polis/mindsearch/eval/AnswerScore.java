package dev.polis.mindsearch.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQuAD-style answer scores: both texts are normalised (lower case, punctuation removed, the articles a, an and the
 * removed, white space collapsed), exact match compares the normalised texts, token F1 the bags of their tokens; a
 * prediction takes its best score over the gold answers (the official SQuAD v1.1 script's rules).
 */
public final class AnswerScore {

    private AnswerScore() {
    }

    /** Returns {@code text} normalised as the SQuAD script does. */
    public static String normalize(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder();
        lower.codePoints().filter(c -> !isPunctuation(c)).forEach(kept::appendCodePoint);
        String noArticles = kept.toString().replaceAll("\\b(a|an|the)\\b", " ");
        return String.join(" ", tokens(noArticles));
    }

    /** Returns 1 when the normalised prediction equals a normalised gold answer, else 0. */
    public static double exactMatch(String prediction, List<String> gold) {
        String p = normalize(prediction);
        return gold.stream().anyMatch(g -> normalize(g).equals(p)) ? 1 : 0;
    }

    /** Returns the best token F1 of the prediction over the gold answers. */
    public static double f1(String prediction, List<String> gold) {
        return gold.stream().mapToDouble(g -> f1(prediction, g)).max().orElse(0);
    }

    /** Returns the token F1 of {@code prediction} against one gold answer. */
    public static double f1(String prediction, String gold) {
        List<String> p = tokens(normalize(prediction));
        List<String> g = tokens(normalize(gold));
        if (p.isEmpty() || g.isEmpty()) {
            return p.equals(g) ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        g.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : p) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                common++;
                counts.put(t, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / p.size();
        double recall = (double) common / g.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** Returns 1 when a normalised gold answer occurs in the normalised prediction as whole tokens, else 0. */
    public static double contains(String prediction, List<String> gold) {
        String p = " " + normalize(prediction) + " ";
        return gold.stream().map(AnswerScore::normalize).anyMatch(g -> !g.isEmpty() && p.contains(" " + g + " "))
                ? 1 : 0;
    }

    private static List<String> tokens(String text) {
        return new ArrayList<>(Arrays.stream(text.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList());
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL -> true;
            default -> false;
        };
    }
}
