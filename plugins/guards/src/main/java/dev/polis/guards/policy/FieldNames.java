package dev.polis.guards.policy;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of a field for the {@link Topics} whose words list its matter but not the field itself ("history" for
 * pyramids and ancient Rome, "law" for lawyers and lawsuits), read only in instructions: "only talk about history"
 * keeps the history topic in scope. They are not read in a user's text, where "une histoire" is a story.
 */
final class FieldNames {

    private static final Map<String, Pattern> NAMES = Map.of(
            "history", Pattern.compile("(?<![\\p{L}])(?:[a-z]+')?(?:history|histoire|historia|geschichte|storia|"
                    + "geschiedenis)(?![\\p{L}])"),
            "law", Pattern.compile("(?<![\\p{L}])(?:[a-z]+')?(?:law|laws|derecho|droit|recht|diritto|direito)"
                    + "(?![\\p{L}])"));

    private FieldNames() {
    }

    /** Returns the topics whose field folded {@code instructions} name. */
    static Set<Topics.Topic> in(String instructions) {
        Set<Topics.Topic> out = new LinkedHashSet<>();
        for (Topics.Topic t : Topics.ALL) {
            Pattern p = NAMES.get(t.name());
            if (p != null && p.matcher(instructions).find()) {
                out.add(t);
            }
        }
        return out;
    }
}
