package dev.polis.guards.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One output-side leak case: a model's output under a system prompt, labelled by whether (and how) it leaks that
 * prompt.
 *
 * @param id       the case's name, for reports
 * @param system   the system prompt the output was produced under
 * @param canaries tokens planted in the prompt that must never appear in output (possibly none)
 * @param output   the model's output
 * @param kind     how it leaks, or {@link Kind#NONE}
 * @param where    the file and line it came from
 */
public record LeakCase(String id, String system, List<String> canaries, String output, Kind kind, String where) {

    /** How an output leaks its system prompt. */
    public enum Kind {
        /** The prompt, or a large part of it, word for word (formatting, quoting and order aside). */
        VERBATIM,
        /** A canary token (or a secret the operator lists as one). */
        CANARY,
        /** The prompt's rules in other words: restated, summarised, translated. */
        PARAPHRASE,
        /** No leak. */
        NONE;

        /** Returns the name a suite line uses, {@code verbatim}, {@code canary}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the components. */
    public LeakCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(system, "system");
        canaries = List.copyOf(canaries);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
    }

    /** Returns whether the output leaks the prompt. */
    public boolean leak() {
        return kind != Kind.NONE;
    }
}
