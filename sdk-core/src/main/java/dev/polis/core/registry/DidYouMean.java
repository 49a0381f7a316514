package dev.polis.core.registry;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known name closest to a mistyped one, the way shells and build tools do. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * Returns the candidate closest to {@code wrong}, if it is close enough to be a plausible typo.
     *
     * <p>Close enough means an edit distance of at most a third of the longer name (at least 2), or one
     * name containing the other.
     */
    public static Optional<String> suggest(String wrong, Collection<String> candidates) {
        String needle = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String hay = candidate.toLowerCase(Locale.ROOT);
            int distance = hay.contains(needle) || needle.contains(hay) ? 1 : distance(needle, hay);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(2, Math.max(needle.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Returns the Levenshtein distance between two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
