package dev.polis.mindsearch.searcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A searcher's tool call, from the original's text protocol ({@code <|action_start|><|plugin|>{"name": ...,
 * "parameters": {...}}<|action_end|>}) or from a native tool call's name and arguments.
 *
 * @param name      {@code search} or {@code select} ({@code WebBrowser.} prefixes removed); anything else is refused
 * @param arguments the parameters object
 */
record ToolRequest(String name, JsonNode arguments) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLUGIN = "<|plugin|>";
    private static final String ACTION_END = "<|action_end|>";

    /** Returns the tool call in a text reply; empty when the reply calls no tool (it is then the answer). */
    static Optional<Parsed> parse(String reply) {
        int marker = reply.indexOf(PLUGIN);
        String body;
        if (marker >= 0) {
            body = reply.substring(marker + PLUGIN.length());
            int end = body.indexOf(ACTION_END);
            body = end >= 0 ? body.substring(0, end) : body;
        } else {
            String stripped = reply.strip();
            String unfenced = unfence(stripped);
            if (!(unfenced.startsWith("{") && unfenced.endsWith("}") && unfenced.contains("\"name\""))) {
                return Optional.empty();
            }
            body = stripped;
        }
        body = unfence(body.strip());
        try {
            JsonNode call = JSON.readTree(body);
            if (call == null || !call.isObject() || !call.path("name").isTextual()) {
                return Optional.of(new Parsed(null, "the tool call must be a JSON object with \"name\" and "
                        + "\"parameters\", for example {\"name\": \"search\", \"parameters\": {\"query\": [\"...\"]}}"));
            }
            JsonNode params = call.has("parameters") ? call.get("parameters") : call.path("arguments");
            return Optional.of(new Parsed(of(call.get("name").asText(), params), null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.of(new Parsed(null, "the tool call is not valid JSON (" + e.getOriginalMessage()
                    + "); write {\"name\": \"search\", \"parameters\": {\"query\": [\"...\"]}}"));
        }
    }

    /** Removes a Markdown fence around the JSON ({@code ```json ... ```}), which models often add. */
    private static String unfence(String body) {
        if (!body.startsWith("```")) {
            return body;
        }
        int open = body.indexOf('\n');
        int close = body.lastIndexOf("```");
        return open > 0 && close > open ? body.substring(open + 1, close).strip() : body;
    }

    /** Returns a call of tool {@code name} (a {@code WebBrowser.} or similar prefix is dropped). */
    static ToolRequest of(String name, JsonNode arguments) {
        String plain = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return new ToolRequest(plain, arguments == null ? JSON.createObjectNode() : arguments);
    }

    /** Reads the arguments JSON text of a native tool call. */
    static ToolRequest fromArguments(String name, String arguments) {
        try {
            return of(name, JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments));
        } catch (java.io.IOException e) {
            return of(name, null);
        }
    }

    /** Returns the queries of a search: {@code query} or {@code queries}, a list or one string. */
    List<String> queries() {
        return strings(arguments.has("query") ? arguments.get("query") : arguments.path("queries"));
    }

    /** Returns the ids of a select: {@code select_ids} or {@code ids}. */
    List<Integer> ids() {
        JsonNode ids = arguments.has("select_ids") ? arguments.get("select_ids") : arguments.path("ids");
        List<Integer> out = new ArrayList<>();
        if (ids.isArray()) {
            ids.forEach(i -> out.add(i.asInt(-1)));
        } else if (!ids.isMissingNode()) {
            out.add(ids.asInt(-1));
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }

    /**
     * A text reply's tool call, or why it could not be read.
     *
     * @param request the call, or {@code null} when unreadable
     * @param error   what was wrong, or {@code null}
     */
    record Parsed(ToolRequest request, String error) { }
}
