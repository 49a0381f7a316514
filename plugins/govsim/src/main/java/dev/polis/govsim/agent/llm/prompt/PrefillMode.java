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
    /**
     * {@link #ASSISTANT} for every backend (the default): the local runtime continues a final assistant message
     * (its prompt ends inside that message, the end-of-turn token left out), as OpenAI-compatible servers with a
     * continuation of the final message do.
     */
    AUTO,
    /**
     * A trailing assistant message holding the prefix, for the server to continue (OpenAI-compatible servers that
     * continue a final assistant message, such as vLLM with {@code continue_final_message}); the local runtime
     * ({@code local:}) always continues it.
     */
    ASSISTANT,
    /**
     * The prefix ends the user message, on its own line: for a server that closes a trailing assistant message
     * instead of continuing it.
     */
    INLINE,
    /** No prefix is sent. */
    OFF;

    /**
     * Returns how a call to the model of spec {@code modelSpec} sends the prefix ({@code null}: no model named);
     * every backend Polis reaches today takes {@link #ASSISTANT} for {@link #AUTO}.
     */
    public PrefillMode resolve(String modelSpec) {
        return this == AUTO ? ASSISTANT : this;
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
