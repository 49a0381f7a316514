package dev.polis.mindsearch.serve;

import dev.polis.api.run.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns MindSearch events into the original's SSE envelope ({@code {"current_node", "response": {"content",
 * "sender", "formatted", "extra_info", "type", "receiver", "stream_state"}}}), keeping the graph's adjacency list
 * (edge states 1 running, 2 not started, 3 finished) and {@code ref2url} as the original sends them, and adds named
 * {@code final} and {@code error} events. Frames for a client that went away are dropped (the stream cancels the
 * request).
 */
final class Envelope implements EventSink {

    private final SseStream stream;
    private final Map<String, List<String>> edges = new LinkedHashMap<>();
    private final Map<String, Integer> states = new LinkedHashMap<>();
    private final Map<String, String> questions = new LinkedHashMap<>();
    private Map<String, Object> ref2url = new LinkedHashMap<>();

    Envelope(SseStream stream) {
        this.stream = stream;
    }

    @Override
    public synchronized void emit(String type, Map<String, ?> f) {
        switch (type) {
            case "mindsearch.planner.turn" -> planner(null, "Planner", formatted("interpreter", f.get("thought"),
                    f.containsKey("code") ? f.get("code") : String.join("\n", strings(f.get("calls")))), 7);
            case "mindsearch.node.added" -> {
                String node = String.valueOf(f.get("node"));
                questions.put(node, String.valueOf(f.get("question")));
                states.put(node, 2);
                strings(f.get("from")).forEach(start -> edges.computeIfAbsent(start, k -> new ArrayList<>()).add(node));
                node(node, searcher(null, formatted(null, "", null), 2));
            }
            case "mindsearch.node.start" -> states.put(String.valueOf(f.get("node")), 1);
            case "mindsearch.search" -> {
                String node = String.valueOf(f.get("node"));
                node(node, searcher(null, formatted("plugin", "", Map.of("name", "WebBrowser.search",
                        "parameters", Map.of("query", f.get("queries")))), 3));
                node(node, searcher(f.get("hits"), formatted(null, "", null), 5));
            }
            case "mindsearch.select" -> node(String.valueOf(f.get("node")), searcher(null, formatted("plugin", "",
                    Map.of("name", "WebBrowser.select", "parameters", Map.of("select_ids", f.get("ids")))), 3));
            case "mindsearch.node.done" -> {
                String node = String.valueOf(f.get("node"));
                states.put(node, 3);
                Object answer = f.get("answer");
                node(node, searcher(answer, formatted(null, answer, null), 0));
            }
            case "mindsearch.observation" -> {
                ref2url = refs(f.get("references"));
                planner(f.get("observation"), "ActionExecutor", formatted(null, null, null), 8);
            }
            case "mindsearch.answer" -> {
                ref2url = refs(f.get("references"));
                planner(f.get("answer"), "Planner", formatted(null, f.get("answer"), null), 0);
                send("final", Map.of("answer", f.get("answer"), "complete", f.get("complete"),
                        "references", f.get("references")));
            }
            case "mindsearch.error" -> send("error", Map.of("error", Map.of("msg",
                    "An error occurred while generating the response.", "details", f.get("error"))));
            default -> { }
        }
    }

    private void planner(Object content, String sender, Map<String, Object> formatted, int state) {
        formatted.put("adjacency_list", adjacency());
        formatted.put("ref2url", ref2url);
        send(null, envelope(null, content, sender, formatted, state));
    }

    private void node(String name, Map<String, Object> searcherMessage) {
        Map<String, Object> nodeView = new LinkedHashMap<>();
        nodeView.put("content", questions.get(name));
        nodeView.put("type", "searcher");
        nodeView.put("response", searcherMessage);
        Map<String, Object> formatted = new LinkedHashMap<>();
        formatted.put("node", Map.of(name, nodeView));
        formatted.put("adjacency_list", adjacency());
        send(null, envelope(name, null, "ExecutionAction", formatted, 1));
    }

    private static Map<String, Object> searcher(Object content, Map<String, Object> formatted, int state) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("content", content);
        message.put("formatted", formatted);
        message.put("stream_state", state);
        return message;
    }

    private static Map<String, Object> formatted(String toolType, Object thought, Object action) {
        Map<String, Object> formatted = new LinkedHashMap<>();
        formatted.put("tool_type", toolType);
        formatted.put("thought", thought);
        formatted.put("action", action);
        formatted.put("status", 1);
        return formatted;
    }

    private static Map<String, Object> envelope(String node, Object content, String sender,
                                                Map<String, Object> formatted, int state) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("content", content);
        response.put("sender", sender);
        response.put("formatted", formatted);
        response.put("extra_info", null);
        response.put("type", null);
        response.put("receiver", null);
        response.put("stream_state", state);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("current_node", node);
        event.put("response", response);
        return event;
    }

    private Map<String, Object> adjacency() {
        Map<String, Object> adjacency = new LinkedHashMap<>();
        edges.forEach((start, ends) -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String end : ends) {
                out.add(Map.of("id", start + "->" + end, "name", end, "state", states.getOrDefault(end, 2)));
            }
            adjacency.put(start, out);
        });
        return adjacency;
    }

    private static Map<String, Object> refs(Object references) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (references instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> r) {
                    out.put(String.valueOf(r.get("n")), Map.of("url", r.get("url"), "title", r.get("title"),
                            "summ", r.get("snippet")));
                }
            }
        }
        return out;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    /** Sends a frame; dropped when the client went away. */
    void send(String name, Object data) {
        stream.send(name, data);
    }
}
