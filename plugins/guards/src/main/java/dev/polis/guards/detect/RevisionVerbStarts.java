package dev.polis.guards.detect;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds where a revision's verb of dropping may start in a lower-cased sentence, by literal searches for the verb
 * stems of {@link RevisionWords#VERB_STEMS} instead of a pattern tried at every position: the start of each word
 * holding a stem and of the {@link #PHRASE_WORDS} words before it (set phrases such as "ne tiens pas compte" or
 * "no importa" begin before the stem).
 */
final class RevisionVerbStarts {

    /** How many words before a verb stem a set phrase may start. */
    static final int PHRASE_WORDS = 3;

    private RevisionVerbStarts() {
    }

    /** Returns whether {@code lower} holds any verb stem at all: the cheap test before anything else. */
    static boolean holdsVerb(String lower) {
        for (String stem : RevisionWords.VERB_STEMS) {
            if (lower.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** Returns where a verb may start in {@code lower}, in order (each word start past an opening quote). */
    static SortedSet<Integer> candidates(String lower) {
        SortedSet<Integer> out = new TreeSet<>();
        for (String stem : RevisionWords.VERB_STEMS) {
            for (int at = lower.indexOf(stem); at >= 0; at = lower.indexOf(stem, at + 1)) {
                int i = at;
                for (int word = 0; word <= PHRASE_WORDS && i >= 0; word++) {
                    while (i > 0 && !Character.isWhitespace(lower.charAt(i - 1))) {
                        i--;
                    }
                    int first = i; // past an opening quote or bracket
                    while (first < lower.length() && !Character.isLetter(lower.charAt(first))) {
                        first++;
                    }
                    out.add(first);
                    i--; // past the blank, into the word before
                    while (i > 0 && Character.isWhitespace(lower.charAt(i))) {
                        i--;
                    }
                }
            }
        }
        return out;
    }
}
