package dev.polis.guards.policy;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The subject higher-privilege instructions restrict the assistant to ("only talk about cooking"), read by
 * {@link ScopeReader}: a lower-privilege request on a known topic outside it leaves the scope.
 *
 * @param clause the instructions' scope clauses, for reasons
 * @param stems  the word stems of the instructions outside their prohibitions (the scope and the prompt's own matter)
 * @param topics the known topics inside the scope: those it and the rest of the instructions name, and their close
 *               topics ({@link CloseTopics})
 */
public record Scope(String clause, Set<String> stems, Set<Topics.Topic> topics) {

    /** No scope: nothing leaves it. */
    public static final Scope NONE = new Scope("", Set.of(), Set.of());

    /** Copies the sets. */
    public Scope {
        stems = Set.copyOf(stems);
        topics = Set.copyOf(topics);
    }

    /** Returns whether the instructions set no scope. */
    public boolean isEmpty() {
        return clause.isEmpty();
    }

    /**
     * Returns the known topics by which folded {@code sentence} ({@code raw} as written) asks for something outside
     * this scope, with the clause, or null: it must ask, not be about the assistant, name a known topic outside what
     * it says of the user ("my doctor told me …, can you suggest a soup?"), and name none inside the scope nor share a
     * word with the instructions.
     */
    public String leftBy(String folded, String raw) {
        if (isEmpty() || !Requests.asks(folded) || Requests.aboutAssistant(folded)) {
            return null;
        }
        String asked = Requests.askingPart(folded);
        Set<String> named = new LinkedHashSet<>();
        for (Topics.Topic t : Topics.ALL) {
            if (t.inText(asked, raw)) {
                if (topics.contains(t)) {
                    return null;
                }
                named.add(t.name());
            }
        }
        if (named.isEmpty() || !Words.shared(Words.subjectStems(asked), stems).isEmpty()) {
            return null;
        }
        return String.join(" ", named) + " (outside the scope: " + clause + ")";
    }
}
