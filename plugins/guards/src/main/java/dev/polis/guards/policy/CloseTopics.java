package dev.polis.guards.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairs of {@link Topics} close enough that an assistant kept to one is expected to answer about the other: a
 * cooking assistant is asked about baking and wine, a mathematics tutor about physics.
 */
final class CloseTopics {

    private static final List<List<String>> PAIRS = List.of(
            List.of("recipes and cooking", "baking"), List.of("recipes and cooking", "alcohol and drugs"),
            List.of("politics", "law"), List.of("politics", "history"), List.of("politics", "climate change"),
            List.of("religion", "history"), List.of("medicine", "alcohol and drugs"),
            List.of("investing", "mathematics"), List.of("artificial intelligence", "programming"),
            List.of("artificial intelligence", "mathematics"), List.of("physics", "mathematics"),
            List.of("physics", "climate change"), List.of("mathematics", "programming"),
            List.of("gambling", "sports"));

    private CloseTopics() {
    }

    /** Returns {@code topics} with the topics close to any of them. */
    static Set<Topics.Topic> around(Set<Topics.Topic> topics) {
        Set<Topics.Topic> out = new LinkedHashSet<>(topics);
        for (Topics.Topic t : topics) {
            for (List<String> pair : PAIRS) {
                int i = pair.indexOf(t.name());
                if (i >= 0) {
                    String other = pair.get(1 - i);
                    Topics.ALL.stream().filter(o -> o.name().equals(other)).forEach(out::add);
                }
            }
        }
        return out;
    }
}
