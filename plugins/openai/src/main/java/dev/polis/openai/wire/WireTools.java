package dev.polis.openai.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;

/**
 * Writes and reads the request fields about tools and answer shapes: {@code tools}, {@code tool_choice},
 * {@code parallel_tool_calls} and {@code response_format}.
 */
public final class WireTools {

    private static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() {
    };

    private WireTools() {
    }

    /** Adds the request's tools, tool choice and response format to {@code body}; absent ones are left out. */
    public static void write(ChatRequest request, ObjectNode body) {
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    function.put("description", tool.description());
                }
                if (!tool.parameters().isEmpty()) {
                    function.set("parameters", WireJson.MAPPER.valueToTree(tool.parameters()));
                }
                if (tool.strict()) {
                    function.put("strict", true);
                }
            }
        }
        ToolChoice choice = request.toolChoice();
        if (choice != null) {
            switch (choice.mode()) {
                case AUTO -> body.put("tool_choice", "auto");
                case NONE -> body.put("tool_choice", "none");
                case REQUIRED -> body.put("tool_choice", "required");
                case NAMED -> body.putObject("tool_choice").put("type", "function").putObject("function")
                        .put("name", choice.toolName());
            }
        }
        ResponseFormat format = request.responseFormat();
        if (format != null) {
            ObjectNode node = body.putObject("response_format");
            switch (format.type()) {
                case TEXT -> node.put("type", "text");
                case JSON_OBJECT -> node.put("type", "json_object");
                case JSON_SCHEMA -> {
                    node.put("type", "json_schema");
                    ObjectNode schema = node.putObject("json_schema").put("name", format.name());
                    if (!format.description().isEmpty()) {
                        schema.put("description", format.description());
                    }
                    schema.set("schema", WireJson.MAPPER.valueToTree(format.schema()));
                    schema.put("strict", format.strict());
                }
            }
        }
    }

    /** Reads {@code tools}; a missing or null field gives none. */
    public static List<ToolDefinition> tools(JsonNode body) {
        JsonNode array = body.get("tools");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new WireFormatException("'tools' must be an array of {type: function, function: {...}}", "tools");
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "tools[" + i + "]";
            JsonNode tool = array.get(i);
            String type = tool.path("type").asText("");
            if (!type.equals("function")) {
                throw new WireFormatException(at + ".type: only 'function' tools are supported, not '" + type + "'",
                        at + ".type");
            }
            JsonNode function = tool.path("function");
            JsonNode parameters = function.get("parameters");
            if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
                throw new WireFormatException(at + ".function.parameters must be a JSON Schema object",
                        at + ".function.parameters");
            }
            try {
                tools.add(new ToolDefinition(function.path("name").asText(""), function.path("description").asText(""),
                        tree(parameters), function.path("strict").asBoolean(false)));
            } catch (IllegalArgumentException e) {
                throw new WireFormatException(at + ".function: " + e.getMessage(), at + ".function.name");
            }
        }
        return tools;
    }

    /** Reads {@code tool_choice}: {@code auto}, {@code none}, {@code required} or a named function. */
    public static ToolChoice toolChoice(JsonNode body) {
        JsonNode node = body.get("tool_choice");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw new WireFormatException("tool_choice: unknown value '" + node.asText()
                        + "' (known: auto, none, required, or {type: function, function: {name}})", "tool_choice");
            };
        }
        String name = node.path("function").path("name").asText("");
        if (!node.path("type").asText("").equals("function") || name.isEmpty()) {
            throw new WireFormatException("tool_choice must be auto, none, required or "
                    + "{\"type\": \"function\", \"function\": {\"name\": ...}}", "tool_choice");
        }
        return ToolChoice.named(name);
    }

    /** Refuses {@code parallel_tool_calls: false}: a served model may answer with several calls at once. */
    public static void checkParallelToolCalls(JsonNode body) {
        JsonNode node = body.get("parallel_tool_calls");
        if (node != null && !node.isNull() && !node.asBoolean(true)) {
            throw new WireFormatException("parallel_tool_calls: false is not supported: the served model may answer"
                    + " with several tool calls at once; leave the field out or set it to true",
                    "parallel_tool_calls");
        }
    }

    /** Reads {@code response_format}: {@code text}, {@code json_object} or {@code json_schema}. */
    public static ResponseFormat responseFormat(JsonNode body) {
        JsonNode node = body.get("response_format");
        if (node == null || node.isNull()) {
            return null;
        }
        String type = node.path("type").asText("");
        return switch (type) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> ResponseFormat.JSON_OBJECT;
            case "json_schema" -> jsonSchema(node.path("json_schema"));
            default -> throw new WireFormatException("response_format.type: unknown type '" + type
                    + "' (known: text, json_object, json_schema)", "response_format.type");
        };
    }

    private static ResponseFormat jsonSchema(JsonNode node) {
        JsonNode schema = node.get("schema");
        if (schema == null || !schema.isObject()) {
            throw new WireFormatException("response_format.json_schema.schema must be a JSON Schema object",
                    "response_format.json_schema.schema");
        }
        try {
            return new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, node.path("name").asText(""),
                    node.path("description").asText(""), tree(schema), node.path("strict").asBoolean(false));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("responseFormat.schema") ? "schema" : "name";
            throw new WireFormatException(e.getMessage().replace("responseFormat.", "response_format.json_schema."),
                    "response_format.json_schema." + field);
        }
    }

    private static Map<String, Object> tree(JsonNode node) {
        return node == null || node.isNull() ? Map.of() : WireJson.MAPPER.convertValue(node, TREE);
    }
}
