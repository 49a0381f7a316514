package dev.polis.guards.leak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.polis.guards.text.Normaliser;

/**
 * Finds the system prompt in a model's output: a canary token verbatim (after normalisation, so zero-width
 * characters or full-width letters do not hide it), or a share of the prompt's word trigrams at or above a
 * threshold (a paraphrase-tolerant stand-in for the paper's "more than half the unigrams" check).
 *
 * @param overlapThreshold the share of the system prompt's word trigrams that counts as a leak, in (0, 1]
 * @param minWords         system prompts shorter than this many words are not checked for overlap
 */
public record LeakDetector(double overlapThreshold, int minWords) {

    /**
     * What was found.
     *
     * @param leaked  whether the output leaks the system prompt
     * @param score   the overlap share, or 1 when a canary appeared
     * @param reason  one sentence, empty when nothing leaked
     */
    public record Finding(boolean leaked, double score, String reason) {
    }

    /** Returns whether {@code output} leaks {@code systemPrompt} or any of {@code canaries}. */
    public Finding inspect(String output, String systemPrompt, List<String> canaries) {
        String cleanOutput = Normaliser.clean(output);
        for (String canary : canaries) {
            if (!canary.isBlank() && cleanOutput.contains(Normaliser.clean(canary))) {
                return new Finding(true, 1, "the output contains the canary token '" + canary + "'");
            }
        }
        List<String> promptWords = words(systemPrompt);
        if (promptWords.size() < Math.max(3, minWords)) {
            return new Finding(false, 0, "");
        }
        Set<String> promptGrams = trigrams(promptWords);
        Set<String> outputGrams = trigrams(words(cleanOutput));
        long shared = promptGrams.stream().filter(outputGrams::contains).count();
        double share = (double) shared / promptGrams.size();
        if (share >= overlapThreshold) {
            return new Finding(true, share, String.format(Locale.ROOT,
                    "the output repeats %.0f%% of the system prompt's word trigrams", 100 * share));
        }
        return new Finding(false, share, "");
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
