package dev.polis.guards.leak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.polis.guards.text.Normaliser;

/**
 * Finds the system prompt in a model's output, with three checks and no model: a canary token ({@link Canaries}:
 * normalised, any case, or spelled out); a share of the prompt's word trigrams at or above {@code overlapThreshold}
 * (the prompt repeated, whatever its formatting or sentence order); and, for leaks in other words, the share of the
 * prompt's content-word stems the output holds ({@link ContentWords}, the paper's "more than half of the system
 * prompt's unigrams" over content words), at or above {@code coverageThreshold}, or at or above the lower
 * {@code cuedCoverageThreshold} when the output speaks of its instructions ({@link DisclosureCues}).
 *
 * @param overlapThreshold      the share of the system prompt's word trigrams that counts as a leak, in (0, 1]
 * @param minWords              system prompts shorter than this many words are checked for canaries only
 * @param coverageThreshold     the share of the prompt's content stems that counts as a leak; {@link #OFF} turns
 *                              the content-word check off
 * @param cuedCoverageThreshold the same share when the output speaks of its instructions; {@link #OFF} turns it off
 */
public record LeakDetector(double overlapThreshold, int minWords, double coverageThreshold,
                           double cuedCoverageThreshold) {

    /** A threshold no share reaches: the check it belongs to never fires. */
    public static final double OFF = 2;
    /** The fewest content stems an output must share with the prompt before the content-word check counts. */
    static final int MIN_SHARED_STEMS = 3;

    /** A detector with canaries and trigram overlap only (the content-word check off). */
    public LeakDetector(double overlapThreshold, int minWords) {
        this(overlapThreshold, minWords, OFF, OFF);
    }

    /**
     * What was found.
     *
     * @param leaked  whether the output leaks the system prompt
     * @param score   the larger of the trigram share and the content-stem share, or 1 when a canary appeared
     * @param reason  one sentence, empty when nothing leaked
     */
    public record Finding(boolean leaked, double score, String reason) {
    }

    /** Returns whether {@code output} leaks {@code systemPrompt} or any of {@code canaries}. */
    public Finding inspect(String output, String systemPrompt, List<String> canaries) {
        if (!canaries.isEmpty()) {
            String prepared = Canaries.prepare(output);
            for (String canary : canaries) {
                if (Canaries.in(prepared, canary)) {
                    return new Finding(true, 1, "the output contains the canary token '" + canary + "'");
                }
            }
        }
        List<String> promptWords = words(systemPrompt);
        if (promptWords.size() < Math.max(3, minWords)) {
            return new Finding(false, 0, "");
        }
        String cleanOutput = Normaliser.clean(output);
        Set<String> promptGrams = trigrams(promptWords);
        Set<String> outputGrams = trigrams(words(cleanOutput));
        long shared = promptGrams.stream().filter(outputGrams::contains).count();
        double share = (double) shared / promptGrams.size();
        if (share >= overlapThreshold) {
            return new Finding(true, share, String.format(Locale.ROOT,
                    "the output repeats %.0f%% of the system prompt's word trigrams", 100 * share));
        }
        if (coverageThreshold >= OFF && cuedCoverageThreshold >= OFF) {
            return new Finding(false, share, "");
        }
        Set<String> promptStems = ContentWords.of(systemPrompt);
        Set<String> outputStems = ContentWords.of(cleanOutput);
        int found = ContentWords.found(promptStems, outputStems);
        double coverage = promptStems.isEmpty() ? 0 : (double) found / promptStems.size();
        double score = Math.max(share, coverage);
        if (found < MIN_SHARED_STEMS) {
            return new Finding(false, score, "");
        }
        if (coverage >= coverageThreshold) {
            return new Finding(true, score, String.format(Locale.ROOT,
                    "the output holds %.0f%% of the system prompt's content words", 100 * coverage));
        }
        if (coverage >= cuedCoverageThreshold && DisclosureCues.in(cleanOutput)) {
            return new Finding(true, score, String.format(Locale.ROOT, "the output speaks of its instructions and "
                    + "holds %.0f%% of the system prompt's content words", 100 * coverage));
        }
        return new Finding(false, score, "");
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Normaliser.clean(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Set<String> trigrams(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
        }
        return out;
    }
}
