package dev.polis.mindsearch.interp;

import java.util.List;

/**
 * What running one code block did.
 *
 * @param statementsRun how many statements ran to the end
 * @param errors        what went wrong, each "line N: message"; empty when the block ran cleanly
 */
public record CodeOutcome(int statementsRun, List<String> errors) {

    /** Copies the errors. */
    public CodeOutcome {
        errors = List.copyOf(errors);
    }

    /** Returns whether the block ran without error. */
    public boolean clean() {
        return errors.isEmpty();
    }
}
