package dev.polis.govsim.protocol;

import java.util.Objects;

/**
 * What an agent answers to a {@link HarvestRequest}.
 *
 * @param amount  the units asked for; negative values are treated as 0 by the environment, values above the pool
 *                are allowed (the allocation gives at most what is there)
 * @param rawText the model's whole answer, or a short description for a policy; recorded as is
 * @param status  how {@code amount} was obtained
 */
public record HarvestDecision(int amount, String rawText, ParseStatus status) {

    /** Checks the components. */
    public HarvestDecision {
        rawText = rawText == null ? "" : rawText;
        Objects.requireNonNull(status, "status");
    }

    /** Creates a decision made by code rather than parsed from text. */
    public static HarvestDecision of(int amount, String why) {
        return new HarvestDecision(amount, why, ParseStatus.NOT_TEXT);
    }
}
