package dev.polis.runtime.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolDefinition;

/**
 * Turns tool definitions and tool calls into the template variables Hugging Face's {@code apply_chat_template}
 * passes: OpenAI-shaped maps whose call arguments are parsed objects (templates write them with {@code tojson}).
 */
public final class ToolVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolVariables() {
    }

    /**
     * Returns the {@code tools} variable: {@code {"type": "function", "function": {"name", "description",
     * "parameters"}}} per tool, in the given order; an empty description is left out.
     */
    public static List<Map<String, Object>> tools(List<ToolDefinition> tools) {
        List<Map<String, Object>> out = new ArrayList<>(tools.size());
        for (ToolDefinition tool : tools) {
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", tool.name());
            if (!tool.description().isEmpty()) {
                function.put("description", tool.description());
            }
            function.put("parameters", tool.parameters());
            Map<String, Object> wrapper = new LinkedHashMap<>();
            wrapper.put("type", "function");
            wrapper.put("function", function);
            out.add(wrapper);
        }
        return out;
    }

    /**
     * Returns a message's {@code tool_calls}: {@code {"id", "type": "function", "function": {"name", "arguments"}}}
     * per call, the arguments parsed from their JSON text (kept as text when they are not JSON).
     */
    public static List<Map<String, Object>> toolCalls(List<ToolCall> calls) {
        List<Map<String, Object>> out = new ArrayList<>(calls.size());
        for (ToolCall call : calls) {
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", call.name());
            function.put("arguments", parsed(call.arguments()));
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", call.id());
            map.put("type", "function");
            map.put("function", function);
            out.add(map);
        }
        return out;
    }

    private static Object parsed(String arguments) {
        try {
            return JSON.readValue(arguments, Object.class);
        } catch (JsonProcessingException e) {
            return arguments;
        }
    }
}
