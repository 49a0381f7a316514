package dev.polis.runtime.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Role;
import dev.polis.runtime.template.ChatTemplate;

/**
 * Decides when a chat request continues its last message and cuts the rendered prompt where that message's text
 * ends, as Hugging Face's {@code continue_final_message} does.
 *
 * <p>The rule: a request whose last message is an assistant message with text and no tool calls is a prefill; the
 * model continues that text rather than starting a new turn. The template is rendered without the generation
 * prompt, and everything after the message's (stripped) text is cut, which removes the template's end-of-turn
 * token. The reply holds only the continuation, as vLLM, Ollama and llama.cpp return it.
 */
final class Continuation {

    private static final String MARKER = "POLISCONTINUEDMESSAGEMARKER";

    private Continuation() {
    }

    /** Returns whether {@code messages} ends with an assistant message the model should continue. */
    static boolean continues(List<Message> messages) {
        if (messages.isEmpty()) {
            return false;
        }
        Message last = messages.get(messages.size() - 1);
        return last.role() == Role.ASSISTANT && !last.callsTools() && last.content() != null
                && !last.content().isBlank();
    }

    /**
     * Renders {@code messages} with {@code template} (no generation prompt) and returns the prompt cut right after the
     * last message's (stripped) text. The last message is rendered as a marker and the text put in its place, so a
     * text the template would show differently (or that also occurs earlier) is still cut at the right place.
     *
     * @throws InvalidInputException when the template does not show the last message's text
     */
    static String open(ChatTemplate template, List<Message> messages, Map<String, Object> variables,
            String modelName) {
        int last = messages.size() - 1;
        List<Message> marked = new ArrayList<>(messages);
        marked.set(last, messages.get(last).withContent(MARKER));
        String rendered = template.render(marked, false, variables);
        int at = rendered.lastIndexOf(MARKER);
        if (at < 0) {
            throw new InvalidInputException("messages[" + last + "].content: the chat template of model " + modelName
                    + " does not show the final assistant message's text, so it cannot be continued; end the "
                    + "request with a user message instead");
        }
        return rendered.substring(0, at) + messages.get(last).content().strip();
    }
}
