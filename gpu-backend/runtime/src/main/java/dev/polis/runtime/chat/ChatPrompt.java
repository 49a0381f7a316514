package dev.polis.runtime.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolChoice;
import dev.polis.runtime.template.ChatTemplate;
import dev.polis.runtime.template.ToolVariables;

/**
 * Renders a chat request into prompt text through the model's own chat template, tools and tool results included,
 * and refuses what the template or the runtime cannot honour rather than dropping it silently.
 *
 * <p>Tools go to the template's {@code tools} variable unless the tool choice is {@code none}; assistant tool calls
 * and tool results go in as {@code tool_calls} and {@code tool_call_id}. A template that never reads {@code tools}
 * (or {@code tool_calls}) cannot express them: each is an {@link InvalidInputException} naming the field. A tool
 * choice of {@code required} or a named tool is enforced by decoding ({@link ForcedToolCall}), not by the prompt.
 * A request ending with an assistant message of text is a prefill: the prompt ends inside that message, left open
 * for the model to continue ({@link Continuation}).
 */
final class ChatPrompt {

    private static final Pattern READS_TOOLS = Pattern.compile("\\btools\\b");
    private static final Pattern READS_TOOL_CALLS = Pattern.compile("\\btool_calls\\b");

    private ChatPrompt() {
    }

    /** Returns whether {@code request}'s tools are shown to the model (and so its output is read for calls). */
    static boolean offersTools(ChatRequest request) {
        return !request.tools().isEmpty()
                && (request.toolChoice() == null || request.toolChoice().mode() != ToolChoice.Mode.NONE);
    }

    /**
     * Renders {@code request} with {@code template} for model {@code modelName}, ending where the answer begins:
     * after the generation prompt, or inside a final assistant message that the model continues.
     *
     * @throws InvalidInputException naming the field the template or runtime cannot honour
     */
    static String render(ChatTemplate template, String modelName, ChatRequest request) {
        return render(template, modelName, request, Map.of());
    }

    /**
     * Renders {@code request} as {@link #render(ChatTemplate, String, ChatRequest)} does, with {@code extra} template
     * variables (the fixed date's {@code date_string}).
     */
    static String render(ChatTemplate template, String modelName, ChatRequest request, Map<String, Object> extra) {
        if (offersTools(request) && !READS_TOOLS.matcher(template.source()).find()) {
            throw new InvalidInputException("tools: the chat template of model " + modelName + " never reads the "
                    + "'tools' variable, so it cannot show tools to the model; use a checkpoint whose template "
                    + "supports tools (Llama 3.1+, Qwen2.5, Mistral v0.3) or leave tools out");
        }
        List<Message> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).callsTools() && !READS_TOOL_CALLS.matcher(template.source()).find()) {
                throw new InvalidInputException("messages[" + i + "].toolCalls: the chat template of model "
                        + modelName + " never reads 'tool_calls', so it cannot show earlier tool calls; use a "
                        + "checkpoint whose template supports tools (Llama 3.1+, Qwen2.5, Mistral v0.3)");
            }
        }
        Map<String, Object> variables = new HashMap<>(extra);
        if (offersTools(request)) {
            variables.put("tools", ToolVariables.tools(request.tools()));
        }
        if (Continuation.continues(messages)) {
            return Continuation.open(template, messages, variables, modelName);
        }
        return template.render(messages, true, variables);
    }
}
