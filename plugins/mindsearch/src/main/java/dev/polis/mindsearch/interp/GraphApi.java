package dev.polis.mindsearch.interp;

import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.SearchGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code WebSearchGraph} methods planner code may call, with the original's parameter names and defaults, bound
 * to a {@link SearchGraph}. Arguments are checked the way Python checks them (unknown keyword, missing argument, too
 * many arguments), each failure a {@link CodeError} the planner reads.
 */
final class GraphApi {

    /** The value a call returns that has no useful result ({@code None}). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private record Signature(List<String> parameters, Map<String, String> defaults) { }

    private static final Map<String, Signature> METHODS = Map.of(
            "add_root_node", new Signature(List.of("node_content", "node_name"), Map.of("node_name", SearchGraph.ROOT)),
            "add_node", new Signature(List.of("node_name", "node_content"), Map.of()),
            "add_edge", new Signature(List.of("start_node", "end_node"), Map.of()),
            "add_response_node", new Signature(List.of("node_name"), Map.of("node_name", SearchGraph.RESPONSE)),
            "node", new Signature(List.of("node_name"), Map.of()));

    private final SearchGraph graph;

    GraphApi(SearchGraph graph) {
        this.graph = graph;
    }

    /** Returns whether {@code name} is a method of the graph. */
    static boolean has(String name) {
        return METHODS.containsKey(name);
    }

    /** Returns the method names, sorted, for messages. */
    static String names() {
        return String.join(", ", METHODS.keySet().stream().sorted().toList());
    }

    /** Calls method {@code name} with evaluated arguments. */
    Object call(String name, List<Object> positional, Map<String, Object> keywords, int line) {
        Signature signature = METHODS.get(name);
        if (signature == null) {
            throw new CodeError(line, "WebSearchGraph has no method '" + name + "'; its methods are " + names());
        }
        Map<String, String> args = bind(name, signature, positional, keywords, line);
        return switch (name) {
            case "add_root_node" -> {
                graph.addRoot(args.get("node_name"), args.get("node_content"));
                yield NONE;
            }
            case "add_node" -> {
                graph.addNode(args.get("node_name"), args.get("node_content"));
                yield NONE;
            }
            case "add_edge" -> {
                graph.addEdge(args.get("start_node"), args.get("end_node"));
                yield NONE;
            }
            case "add_response_node" -> {
                graph.addResponse(args.get("node_name"));
                yield NONE;
            }
            default -> view(graph.node(args.get("node_name")));
        };
    }

    private static Map<String, String> bind(String method, Signature signature, List<Object> positional,
                                            Map<String, Object> keywords, int line) {
        List<String> parameters = signature.parameters();
        if (positional.size() > parameters.size()) {
            throw new CodeError(line, method + "() takes " + parameters.size() + " argument(s) ("
                    + String.join(", ", parameters) + ") but " + positional.size() + " were given");
        }
        Map<String, String> bound = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            bound.put(parameters.get(i), text(method, parameters.get(i), positional.get(i), line));
        }
        for (Map.Entry<String, Object> keyword : keywords.entrySet()) {
            if (!parameters.contains(keyword.getKey())) {
                throw new CodeError(line, method + "() got an unexpected keyword argument '" + keyword.getKey()
                        + "'; its parameters are " + String.join(", ", parameters));
            }
            if (bound.containsKey(keyword.getKey())) {
                throw new CodeError(line, method + "() got multiple values for argument '" + keyword.getKey() + "'");
            }
            bound.put(keyword.getKey(), text(method, keyword.getKey(), keyword.getValue(), line));
        }
        List<String> missing = new ArrayList<>();
        for (String parameter : parameters) {
            if (!bound.containsKey(parameter)) {
                String fallback = signature.defaults().get(parameter);
                if (fallback == null) {
                    missing.add(parameter);
                } else {
                    bound.put(parameter, fallback);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new CodeError(line, method + "() is missing required argument(s): " + String.join(", ", missing));
        }
        return bound;
    }

    private static String text(String method, String parameter, Object value, int line) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        throw new CodeError(line, method + "(): " + parameter + " must be a string but was " + Values.describe(value));
    }

    private static Map<String, Object> view(GraphNode node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("content", node.content());
        view.put("type", node.kind().name().toLowerCase(java.util.Locale.ROOT));
        view.put("response", node.answer());
        return view;
    }
}
