package dev.polis.govsim.agent.llm.prompt;

import java.util.Locale;
import dev.polis.api.InvalidInputException;

/**
 * Says how the original layout sends a prompt's reply prefix ({@code Message:}, {@code Rating:}, {@code 1.}).
 *
 * <p>The answer is always read with the prefix in front (unless the reply already starts with it), so the parsers
 * see the same text whichever way the prefix travelled.
 */
public enum PrefillMode {
    /** {@link #INLINE} for {@code local:} models, {@link #ASSISTANT} for every other backend (the default). */
    AUTO,
    /**
     * A trailing assistant message holding the prefix, for the server to continue (OpenAI-compatible servers that
     * continue a final assistant message, such as vLLM with {@code continue_final_message}).
     */
    ASSISTANT,
    /**
     * The prefix ends the user message, on its own line. The local runtime closes a trailing assistant message
     * (its chat API renders with the generation prompt and has no continuation), so this is what it gets.
     */
    INLINE,
    /** No prefix is sent. */
    OFF;

    /** Returns how a call to the model of spec {@code modelSpec} sends the prefix. */
    public PrefillMode resolve(String modelSpec) {
        if (this != AUTO) {
            return this;
        }
        return modelSpec != null && modelSpec.startsWith("local:") ? INLINE : ASSISTANT;
    }

    /**
     * Reads {@code auto}, {@code assistant}, {@code inline} or {@code off}.
     *
     * @throws InvalidInputException naming the setting for anything else
     */
    public static PrefillMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "assistant" -> ASSISTANT;
            case "inline" -> INLINE;
            case "off", "none" -> OFF;
            default -> throw new InvalidInputException("prefill: expected auto, assistant, inline or off but found '"
                    + text + "'");
        };
    }
}
