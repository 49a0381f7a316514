package dev.polis.mindsearch.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.mindsearch.graph.GraphException;
import dev.polis.mindsearch.graph.SearchGraph;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The graph as JSON tools (the tool-call protocol): {@code add_node}, {@code add_edge}, {@code add_response_node}.
 * The root is the user's question, added before the first turn. Each call is answered with {@code ok} or an error the
 * planner can act on; a bad call never stops the others.
 */
final class GraphTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<ToolDefinition> DEFINITIONS = List.of(
            new ToolDefinition("add_node", "Adds a sub-question; a searcher answers it with citations.",
                    Map.of("type", "object", "properties", Map.of(
                            "name", Map.of("type", "string", "description", "a short unique node name"),
                            "question", Map.of("type", "string", "description", "one atomic sub-question")),
                            "required", List.of("name", "question"))),
            new ToolDefinition("add_edge", "Says that node end needs the answer of node start ('root' may be a start).",
                    Map.of("type", "object", "properties", Map.of("start", Map.of("type", "string"),
                            "end", Map.of("type", "string")), "required", List.of("start", "end"))),
            new ToolDefinition("add_response_node", "Ends planning: you know enough to write the final answer.",
                    Map.of("type", "object", "properties", Map.of())));

    private GraphTools() {
    }

    /** Applies the calls in order and returns one tool result message per call, plus the errors. */
    static List<Message> apply(SearchGraph graph, List<ToolCall> calls, List<String> errors) {
        List<Message> results = new ArrayList<>();
        for (ToolCall call : calls) {
            String result;
            try {
                JsonNode args = JSON.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
                result = switch (call.name()) {
                    case "add_node" -> {
                        graph.addNode(text(args, "name", "node_name"), text(args, "question", "node_content"));
                        yield "ok";
                    }
                    case "add_edge" -> {
                        graph.addEdge(text(args, "start", "start_node"), text(args, "end", "end_node"));
                        yield "ok";
                    }
                    case "add_response_node" -> {
                        graph.addResponse(SearchGraph.RESPONSE);
                        yield "ok";
                    }
                    default -> throw new GraphException("there is no tool '" + call.name()
                            + "'; the tools are add_node, add_edge and add_response_node");
                };
            } catch (GraphException e) {
                result = "error: " + e.getMessage();
            } catch (IOException e) {
                result = "error: the arguments of " + call.name() + " are not a JSON object: " + e.getMessage();
            }
            if (result.startsWith("error: ")) {
                errors.add(call.name() + ": " + result.substring("error: ".length()));
            }
            results.add(Message.toolResult(call.id(), call.name(), result));
        }
        return results;
    }

    private static String text(JsonNode args, String name, String alias) {
        JsonNode value = args.has(name) ? args.get(name) : args.path(alias);
        return value.isValueNode() ? value.asText() : null;
    }
}
