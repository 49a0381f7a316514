package dev.polis.openai.wire;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;

/**
 * Writes and reads {@code tool_calls} arrays: whole calls in messages and completions
 * ({@code {"id", "type": "function", "function": {"name", "arguments"}}}) and streamed pieces in deltas
 * ({@code {"index", "id"?, "type"?, "function": {"name"?, "arguments"}}}).
 */
public final class WireToolCalls {

    private WireToolCalls() {
    }

    /** Returns the {@code tool_calls} array of whole calls. */
    public static ArrayNode toJson(List<ToolCall> calls) {
        ArrayNode array = WireJson.MAPPER.createArrayNode();
        for (ToolCall call : calls) {
            ObjectNode node = array.addObject().put("id", call.id()).put("type", "function");
            node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return array;
    }

    /** Returns one element of a streamed delta's {@code tool_calls}: id, type and name only when it starts a call. */
    public static ObjectNode fragment(ToolCallFragment fragment) {
        ObjectNode node = WireJson.object().put("index", fragment.index());
        ObjectNode function;
        if (fragment.starts()) {
            node.put("id", fragment.id()).put("type", "function");
            function = node.putObject("function");
            function.put("name", fragment.name());
        } else {
            function = node.putObject("function");
        }
        function.put("arguments", fragment.arguments());
        return node;
    }

    /**
     * Reads a {@code tool_calls} array of whole calls at {@code where} ({@code messages[1].tool_calls}).
     *
     * @throws WireFormatException when a call lacks its id or name or is not a function call
     */
    public static List<ToolCall> fromJson(JsonNode array, String where) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new WireFormatException(where + " must be an array of tool calls", where);
        }
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = where + "[" + i + "]";
            JsonNode call = array.get(i);
            String type = call.path("type").asText("function");
            if (!type.equals("function")) {
                throw new WireFormatException(at + ".type: only 'function' tool calls are supported, not '"
                        + type + "'", at + ".type");
            }
            String id = call.path("id").asText("");
            String name = call.path("function").path("name").asText("");
            if (id.isEmpty() || name.isEmpty()) {
                throw new WireFormatException(at + " needs an id and a function.name", id.isEmpty() ? at + ".id"
                        : at + ".function.name");
            }
            calls.add(new ToolCall(id, name, arguments(call.path("function").get("arguments"))));
        }
        return calls;
    }

    /** Reads one element of a streamed delta's {@code tool_calls}; {@code position} stands in for a missing index. */
    public static ToolCallFragment fragmentFromJson(JsonNode node, int position) {
        JsonNode function = node.path("function");
        return new ToolCallFragment(node.path("index").asInt(position), WireResponses.textOrNull(node.get("id")),
                WireResponses.textOrNull(function.get("name")), arguments(function.get("arguments")));
    }

    /** Arguments are a JSON string on the wire; some servers send the object itself, which is kept as its text. */
    private static String arguments(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
