package dev.polis.govsim.protocol;

import java.util.Objects;

/**
 * Tells an agent what it received this month; it learns only its own numbers here.
 *
 * @param context   the month
 * @param wanted    what it asked for (after negative requests became 0)
 * @param received  what the allocation gave it
 * @param poolAfter the pool after everyone's harvest, before regrowth (agents see it only through this record;
 *                  the original does not tell them, so prompts should not use it unless a setting says so)
 * @param text      the observation sentence, for example {@code John wanted to catch 12 tons of fish and caught 10 tons.}
 */
public record HarvestOutcome(MonthContext context, int wanted, int received, int poolAfter, String text) {

    /** Checks the components. */
    public HarvestOutcome {
        Objects.requireNonNull(context, "context");
        text = text == null ? "" : text;
    }
}
