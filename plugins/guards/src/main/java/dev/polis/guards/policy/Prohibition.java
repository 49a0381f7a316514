package dev.polis.guards.policy;

import java.util.Set;

/**
 * One thing the higher-privilege instructions rule out, as the words and subjects a lower-privilege text would use
 * to bring it up.
 *
 * @param clause    the instructions' clause it was read from, for reasons
 * @param stems     the word stems of its object that the rest of the instructions do not allow ({@link Words})
 * @param dependent those of {@code stems} that only qualify another ("competitors or their prices": prices), which
 *                  bring the prohibition up only beside one that does not
 * @param topics    the subjects its object names that the rest of the instructions do not allow ({@link Topics})
 * @param languages whether it rules out languages other than those the instructions name ("any other language")
 */
public record Prohibition(String clause, Set<String> stems, Set<String> dependent, Set<Topics.Topic> topics,
                          boolean languages) {

    /** Copies the sets. */
    public Prohibition {
        stems = Set.copyOf(stems);
        dependent = Set.copyOf(dependent);
        topics = Set.copyOf(topics);
    }

    /** Returns how many of its stems a text must share to bring it up: one, or two when it names four or more. */
    public int stemsNeeded() {
        return stems.size() >= 4 ? 2 : 1;
    }

    /** Returns whether a text sharing {@code shared} of the stems brings this prohibition up. */
    public boolean broughtUpBy(Set<String> shared) {
        return shared.size() >= stemsNeeded() && (dependent.size() == stems.size() || !dependent.containsAll(shared));
    }
}
