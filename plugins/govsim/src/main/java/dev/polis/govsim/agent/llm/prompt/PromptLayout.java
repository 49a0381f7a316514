package dev.polis.govsim.agent.llm.prompt;

import java.util.Locale;
import dev.polis.api.InvalidInputException;

/**
 * Says how a prompt's parts become chat messages.
 *
 * <p>{@link #POLIS}: the rules in their own message ({@link RulesRole}), the context and the task as user
 * messages, every chat line as a message of its speaker (others' lines at tool privilege), no reply prefix.
 * {@link #ORIGINAL}: the shape of the original GovSim (spec §6.5): the whole prompt (rules, context, memories,
 * the transcript as lines, the task) in one user message, then the prompt's reply prefix where it has one, sent
 * as {@link PrefillMode} says; the framework model's role text heads its prompt instead of a system message.
 */
public enum PromptLayout {
    /** Polis's own layout (the default). */
    POLIS,
    /** The original's layout: one user message per prompt, reply prefixes. */
    ORIGINAL;

    /** Returns the setting's value, {@code polis} or {@code original}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code polis} or {@code original}.
     *
     * @throws InvalidInputException naming the setting for anything else
     */
    public static PromptLayout parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "polis" -> POLIS;
            case "original", "paper" -> ORIGINAL;
            default -> throw new InvalidInputException("layout: expected polis or original but found '" + text + "'");
        };
    }
}
