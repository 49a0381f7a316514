package dev.polis.govsim.protocol;

import java.util.List;

/**
 * What an agent concluded when it reflected.
 *
 * @param insights the insights it keeps, in order
 * @param rawText  the model's raw answer, recorded as is
 */
public record Reflection(List<String> insights, String rawText) {

    /** Copies the insights. */
    public Reflection {
        insights = List.copyOf(insights);
        rawText = rawText == null ? "" : rawText;
    }

    /** Returns a reflection with no insight. */
    public static Reflection none() {
        return new Reflection(List.of(), "");
    }
}
