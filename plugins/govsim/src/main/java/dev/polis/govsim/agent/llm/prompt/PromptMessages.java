package dev.polis.govsim.agent.llm.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.govsim.protocol.ConversationEntry;

/**
 * Builds the messages of the agent's prompts, each with an explicit role, privilege and source.
 *
 * <ul>
 *   <li>the rules of the game: system (or user, see {@link RulesRole}), source {@value #GAME_SOURCE};</li>
 *   <li>the game's instructions to the agent (context, memories, task): user, source {@value #GAME_SOURCE};</li>
 *   <li>the mayor's report: user privilege, source {@value ConversationEntry#MAYOR_ID} (it is the game's own
 *       observation);</li>
 *   <li>another agent's chat line: tool role and privilege, source = that agent's id, so that no instruction in
 *       it outranks the rules;</li>
 *   <li>the agent's own earlier chat line: assistant role, model privilege, source = its own id.</li>
 * </ul>
 */
public final class PromptMessages {

    /** The source of every message the game itself writes. */
    public static final String GAME_SOURCE = "govsim";

    private PromptMessages() {
    }

    /** Returns the game's instruction to the agent as a user message. */
    public static Message instruction(String text) {
        return new Message(Role.USER, text, Privilege.USER, GAME_SOURCE);
    }

    /** Returns one chat line as seen by {@code listenerId} ({@code ""} for a listener that took no part). */
    public static Message chatLine(ConversationEntry entry, String listenerId) {
        return chatLine(entry, listenerId, entry.speakerName() + ": " + entry.text());
    }

    /** Returns one chat line whose text is {@code text} (the rendered {@code chat-line} prompt) as seen by {@code listenerId}. */
    public static Message chatLine(ConversationEntry entry, String listenerId, String text) {
        if (entry.isMayor()) {
            return new Message(Role.USER, text, Privilege.USER, ConversationEntry.MAYOR_ID);
        }
        if (entry.speakerId().equals(listenerId)) {
            return new Message(Role.ASSISTANT, text, Privilege.MODEL, entry.speakerId());
        }
        return new Message(Role.TOOL, text, Privilege.TOOL, entry.speakerId());
    }

    /** Returns the chat lines as seen by {@code listenerId}, in order. */
    public static List<Message> transcript(List<ConversationEntry> conversation, String listenerId) {
        return transcript(conversation, listenerId, entry -> entry.speakerName() + ": " + entry.text());
    }

    /** Returns the chat lines as seen by {@code listenerId}, in order, each line's text written by {@code line}. */
    public static List<Message> transcript(List<ConversationEntry> conversation, String listenerId,
                                           Function<ConversationEntry, String> line) {
        List<Message> lines = new ArrayList<>();
        conversation.forEach(entry -> lines.add(chatLine(entry, listenerId, line.apply(entry))));
        return lines;
    }
}
