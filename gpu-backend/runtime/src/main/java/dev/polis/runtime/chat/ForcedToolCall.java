package dev.polis.runtime.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.runtime.decode.json.Node;
import dev.polis.runtime.decode.json.SchemaCompiler;

/**
 * The grammar that makes a local model call a tool when the request's tool choice is {@code required} or names a
 * tool: the answer is held to one call object, {@code {"name": <tool>, "<arguments key>": {...}}}, which
 * {@link ToolCallParser} reads back in every template family.
 *
 * <p>A named tool (or {@code required} with a single tool) has its arguments held to the tool's own parameter schema
 * (errors name {@code tools[i].parameters...}; a tool without parameters gets {@code {}}); {@code required} with
 * several tools holds the name to one of them and the arguments to an object of their declared properties, none
 * required (the grammar cannot tie the arguments to the name chosen). The arguments key is the one the model's template teaches: {@code arguments} for
 * Qwen2.5 ({@code <tool_call>}) and Mistral ({@code [TOOL_CALLS]}), {@code parameters} for the others (Llama 3.x).
 */
final class ForcedToolCall {

    private ForcedToolCall() {
    }

    /** Returns whether {@code request} forces a tool call (tool choice {@code required} or a named tool). */
    static boolean forced(ChatRequest request) {
        ToolChoice choice = request.toolChoice();
        return choice != null && !request.tools().isEmpty()
                && (choice.mode() == ToolChoice.Mode.REQUIRED || choice.mode() == ToolChoice.Mode.NAMED);
    }

    /**
     * Returns the grammar of the forced call of {@code request}, whose model's chat template is {@code template}.
     *
     * @throws InvalidInputException naming the field: a JSON response format beside the forced call, or a parameter
     *                               schema feature the constrained decoder does not support
     */
    static Node grammar(ChatRequest request, String template) {
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() != ResponseFormat.Type.TEXT) {
            throw new InvalidInputException("responseFormat: a forced tool call (toolChoice "
                    + request.toolChoice().mode().name().toLowerCase(java.util.Locale.ROOT) + ") already holds the "
                    + "answer to a call object, so a " + format.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " format cannot apply too; drop one of them");
        }
        List<ToolDefinition> tools = request.tools();
        List<String> names = new ArrayList<>();
        List<Node> arguments = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tools.get(i);
            if (request.toolChoice().mode() == ToolChoice.Mode.REQUIRED
                    || tool.name().equals(request.toolChoice().toolName())) {
                names.add(tool.name());
                arguments.add(parameters(tool.parameters(), "tools[" + i + "].parameters"));
            }
        }
        Node name = SchemaCompiler.compile(Map.of("enum", List.copyOf(names)), "toolChoice");
        String key = argumentsKey(template);
        Node held = arguments.size() == 1 ? arguments.getFirst() : union(arguments);
        return new Node.ObjectNode(List.of(property("name", name), property(key, held)), Set.of("name", key));
    }

    /**
     * Returns the arguments of a call to one of several tools: an object of their declared properties (the first
     * tool's declaration of a shared name), none required, or any object when a tool declares none or there are more
     * than 63.
     */
    private static Node union(List<Node> arguments) {
        Map<String, Node.Property> properties = new LinkedHashMap<>();
        for (Node node : arguments) {
            if (!(node instanceof Node.ObjectNode object) || object.properties() == null) {
                return SchemaCompiler.anyObject();
            }
            object.properties().forEach(p -> properties.putIfAbsent(p.name(), p));
        }
        return properties.size() > 63 ? SchemaCompiler.anyObject()
                : new Node.ObjectNode(List.copyOf(properties.values()), Set.of());
    }

    /** Returns the key of a call's arguments that the chat template {@code source} teaches its model. */
    static String argumentsKey(String source) {
        return source.contains(ToolCallParser.QWEN_OPEN) || source.contains(ToolCallParser.MISTRAL_MARK)
                ? "arguments" : "parameters";
    }

    /** Returns the grammar of a tool's arguments: {@code {}} for a tool without parameters. */
    private static Node parameters(Map<String, Object> schema, String path) {
        if (schema.isEmpty()) {
            return new Node.ObjectNode(List.of(), Set.of());
        }
        Node compiled = SchemaCompiler.compile(schema, path);
        return compiled instanceof Node.ObjectNode ? compiled : SchemaCompiler.anyObject();
    }

    private static Node.Property property(String key, Node value) {
        return new Node.Property(key, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
