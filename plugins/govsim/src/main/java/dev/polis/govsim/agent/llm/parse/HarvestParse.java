package dev.polis.govsim.agent.llm.parse;

import java.util.Objects;
import dev.polis.govsim.protocol.HarvestDecision;

/**
 * The result of parsing one harvest answer: the amount, how it was found, and the text it came from.
 *
 * @param amount  the units asked for (0 when nothing could be read; never clamped to the pool)
 * @param detail  how the amount was found
 * @param rawText the model's whole answer
 */
public record HarvestParse(int amount, HarvestParseDetail detail, String rawText) {

    /** Checks the components. */
    public HarvestParse {
        Objects.requireNonNull(detail, "detail");
        rawText = rawText == null ? "" : rawText;
    }

    /** Returns the decision handed to the environment. */
    public HarvestDecision toDecision() {
        return new HarvestDecision(amount, rawText, detail.status());
    }
}
