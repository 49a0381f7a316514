package dev.polis.govsim.agent.llm.prompt;

import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;

/**
 * Says which message carries the rules of the game.
 *
 * <p>The original sends each prompt as one user message (spec §6.5). Polis puts the rules in a system message
 * by default, so that the instruction hierarchy ranks them above everything an agent is told or hears; the
 * {@code USER} choice reproduces the original's single-role prompts for models without a system role.
 */
public enum RulesRole {
    /** The rules are a system message with system privilege (the default). */
    SYSTEM,
    /** The rules are a user message with user privilege, as in the original. */
    USER;

    /** Returns the rules as a message in this role. */
    public Message message(String rules) {
        return this == SYSTEM
                ? new Message(Role.SYSTEM, rules, Privilege.SYSTEM, PromptMessages.GAME_SOURCE)
                : new Message(Role.USER, rules, Privilege.USER, PromptMessages.GAME_SOURCE);
    }
}
