package dev.polis.govsim.agent.llm.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;

/**
 * Turns a prompt's parts into the messages of a {@link PromptLayout}: a head (the rules, or the framework's role;
 * may be {@code null}), blocks (a rendered text, or a transcript given as the chat-line messages of the Polis
 * layout) and a reply prefix.
 */
final class Assembly {

    private static final String BLOCK_BREAK = "\n\n";

    private Assembly() {
    }

    /**
     * Builds the messages.
     *
     * @param blocks a {@link String} is the game's instruction; a {@code List<Message>} is a transcript
     * @param prefix the reply prefix ({@code ""}: none); only the original layout sends one
     */
    static List<Message> build(PromptLayout layout, Message head, List<?> blocks, String prefix, PrefillMode mode) {
        List<Message> messages = new ArrayList<>();
        if (layout == PromptLayout.POLIS) {
            if (head != null) {
                messages.add(head);
            }
            for (Object block : blocks) {
                if (block instanceof String text) {
                    messages.add(PromptMessages.instruction(text));
                } else {
                    messages.addAll(transcript(block));
                }
            }
            return List.copyOf(messages);
        }
        List<String> parts = new ArrayList<>();
        if (head != null) {
            parts.add(head.content());
        }
        for (Object block : blocks) {
            parts.add(block instanceof String text ? text
                    : transcript(block).stream().map(Message::content).collect(Collectors.joining("\n")));
        }
        String body = String.join(BLOCK_BREAK, parts.stream().filter(p -> !p.isBlank()).toList());
        boolean hasPrefix = !prefix.isBlank() && mode != PrefillMode.OFF;
        if (hasPrefix && mode == PrefillMode.INLINE) {
            body = body + BLOCK_BREAK + prefix;
        }
        messages.add(PromptMessages.instruction(body));
        if (hasPrefix && mode == PrefillMode.ASSISTANT) {
            messages.add(prefill(prefix));
        }
        return List.copyOf(messages);
    }

    /** Returns a trailing assistant message that the model is to continue. */
    static Message prefill(String text) {
        return new Message(Role.ASSISTANT, text, Privilege.MODEL, PromptMessages.GAME_SOURCE);
    }

    @SuppressWarnings("unchecked")
    private static List<Message> transcript(Object block) {
        return (List<Message>) block;
    }
}
