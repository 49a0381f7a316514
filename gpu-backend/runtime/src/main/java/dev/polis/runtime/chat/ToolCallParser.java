package dev.polis.runtime.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ToolCall;

/**
 * Reads tool calls back from a model's answer in the forms the runtime's template families write them: Llama 3.x
 * (the answer is {@code {"name": ..., "parameters": {...}}}, maybe after {@code <|python_tag|>}), Qwen2.5
 * ({@code <tool_call>{"name": ..., "arguments": {...}}</tool_call>} blocks, maybe after some text) and Mistral
 * ({@code [TOOL_CALLS] [{"name": ..., "arguments": {...}}, ...]}, or the bare list when the special token was
 * decoded away).
 *
 * <p>A call counts only when its name is one of the offered tools and its arguments are a JSON object; an answer
 * that does not parse as calls as a whole stays text ({@link Parsed#none}).
 */
final class ToolCallParser {

    static final String QWEN_OPEN = "<tool_call>";
    static final String QWEN_CLOSE = "</tool_call>";
    static final String MISTRAL_MARK = "[TOOL_CALLS]";
    static final String LLAMA_MARK = "<|python_tag|>";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * What an answer holds.
     *
     * @param content the text before the calls ({@code ""} when none), or the whole answer when it holds no calls
     * @param calls   the calls, empty when the answer is text
     */
    record Parsed(String content, List<ToolCall> calls) {

        static Parsed none(String text) {
            return new Parsed(text, List.of());
        }
    }

    private ToolCallParser() {
    }

    /**
     * Parses {@code text}; {@code ids} gives the id of the i-th call (used when the model wrote none).
     *
     * @param tools the names of the offered tools
     */
    static Parsed parse(String text, Set<String> tools, IntFunction<String> ids) {
        String trimmed = text.strip();
        int qwen = trimmed.indexOf(QWEN_OPEN);
        if (qwen >= 0) {
            List<ToolCall> calls = qwenCalls(trimmed.substring(qwen), tools, ids);
            return calls.isEmpty() ? Parsed.none(text) : new Parsed(trimmed.substring(0, qwen).strip(), calls);
        }
        String body = trimmed.startsWith(MISTRAL_MARK) ? trimmed.substring(MISTRAL_MARK.length()).strip()
                : trimmed.startsWith(LLAMA_MARK) ? trimmed.substring(LLAMA_MARK.length()).strip() : trimmed;
        JsonNode node = read(body);
        List<ToolCall> calls = new ArrayList<>();
        if (node != null && node.isArray() && !node.isEmpty()) {
            for (JsonNode item : node) {
                if (!add(item, "arguments", tools, ids, calls)) {
                    return Parsed.none(text);
                }
            }
        } else if (node == null || !add(node, node.has("parameters") ? "parameters" : "arguments", tools, ids, calls)) {
            return Parsed.none(text);
        }
        return new Parsed("", calls);
    }

    private static List<ToolCall> qwenCalls(String text, Set<String> tools, IntFunction<String> ids) {
        List<ToolCall> calls = new ArrayList<>();
        String rest = text;
        while (rest.startsWith(QWEN_OPEN)) {
            int close = rest.indexOf(QWEN_CLOSE);
            String block = rest.substring(QWEN_OPEN.length(), close < 0 ? rest.length() : close);
            if (!add(read(block.strip()), "arguments", tools, ids, calls)) {
                return List.of();
            }
            rest = close < 0 ? "" : rest.substring(close + QWEN_CLOSE.length()).strip();
        }
        return rest.isEmpty() ? calls : List.of();
    }

    private static boolean add(JsonNode call, String argumentsField, Set<String> tools, IntFunction<String> ids,
                               List<ToolCall> calls) {
        if (call == null || !call.isObject() || !call.path("name").isTextual()
                || !tools.contains(call.path("name").asText())) {
            return false;
        }
        JsonNode arguments = call.has(argumentsField) ? call.get(argumentsField) : JSON.createObjectNode();
        if (!arguments.isObject()) {
            return false;
        }
        JsonNode id = call.path("id");
        String callId = id.isTextual() && !id.asText().isBlank() ? id.asText() : ids.apply(calls.size());
        calls.add(new ToolCall(callId, call.get("name").asText(), arguments.toString()));
        return true;
    }

    private static JsonNode read(String text) {
        if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
