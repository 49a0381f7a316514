package dev.polis.mindsearch.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph a planner builds, turn by turn: one root (the question), searcher nodes (sub-questions), edges saying
 * whose answer a sub-question needs, and a response node that ends planning.
 *
 * <p>Mutated by the planner's thread only; searcher threads set each node's outcome on the node. Edges may name
 * nodes declared later in the same planner turn: {@link #checkEdges()} drops those still unknown when the turn's
 * code has run, and reports them.
 */
public final class SearchGraph {

    /** The name the original gives the root when the planner names none. */
    public static final String ROOT = "root";
    /** The name the original gives the response node when the planner names none. */
    public static final String RESPONSE = "response";

    private final Map<String, GraphNode> nodes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Edge> edges = Collections.synchronizedList(new ArrayList<>());
    private int turn = 1;

    /** Starts planner turn {@code number} (from 1): nodes declared from now on belong to it. */
    public void beginTurn(int number) {
        turn = number;
    }

    /** Returns the current planner turn. */
    public int turn() {
        return turn;
    }

    /** Adds the root, or replaces its question when there is one already. */
    public GraphNode addRoot(String name, String question) {
        Optional<GraphNode> existing = root();
        if (existing.isPresent()) {
            existing.get().content(question);
            return existing.get();
        }
        return put(new GraphNode(name, NodeKind.ROOT, question, turn));
    }

    /**
     * Adds a searcher node.
     *
     * @throws GraphException when the name is taken or blank
     */
    public GraphNode addNode(String name, String question) {
        if (name == null || name.isBlank()) {
            throw new GraphException("add_node needs a node name, for example graph.add_node('q1', '...')");
        }
        if (question == null || question.isBlank()) {
            throw new GraphException("add_node('" + name + "') needs a sub-question as its node_content");
        }
        if (nodes.containsKey(name)) {
            throw new GraphException("a node named '" + name + "' exists already; give a new sub-question a new name");
        }
        GraphNode node = new GraphNode(name, NodeKind.SEARCHER, question, turn);
        List<String> answered = new ArrayList<>();
        for (Edge edge : edgesSnapshot()) {
            GraphNode parent = nodes.get(edge.start());
            if (edge.end().equals(name) && parent != null && parent.kind() == NodeKind.SEARCHER
                    && parent.status() == NodeStatus.DONE) {
                answered.add(parent.name());
            }
        }
        node.declaredParents(answered);
        return put(node);
    }

    /** Adds an edge; its ends may be declared later in the same turn. */
    public void addEdge(String start, String end) {
        if (start == null || start.isBlank() || end == null || end.isBlank()) {
            throw new GraphException("add_edge needs two node names: graph.add_edge(start_node='root', end_node='q1')");
        }
        if (start.equals(end)) {
            throw new GraphException("add_edge('" + start + "', '" + end + "'): a node cannot depend on itself");
        }
        Edge edge = new Edge(start, end);
        if (!edges.contains(edge)) {
            edges.add(edge);
        }
    }

    /** Adds the response node, which ends planning. */
    public GraphNode addResponse(String name) {
        GraphNode existing = nodes.get(name);
        if (existing != null && existing.kind() == NodeKind.RESPONSE) {
            return existing;
        }
        if (existing != null) {
            throw new GraphException("a node named '" + name + "' exists already; call add_response_node() alone");
        }
        return put(new GraphNode(name, NodeKind.RESPONSE, "", turn));
    }

    /**
     * Returns the node named {@code name}.
     *
     * @throws GraphException when there is none; the message lists the names there are
     */
    public GraphNode node(String name) {
        GraphNode node = nodes.get(name);
        if (node == null) {
            throw new GraphException("there is no node named '" + name + "'; the nodes are: "
                    + String.join(", ", names()));
        }
        return node;
    }

    /** Removes the edges whose ends are unknown and returns one sentence for each. */
    public List<String> checkEdges() {
        List<String> problems = new ArrayList<>();
        for (Edge edge : edgesSnapshot()) {
            String missing = !nodes.containsKey(edge.start()) ? edge.start()
                    : !nodes.containsKey(edge.end()) ? edge.end() : null;
            if (missing != null) {
                edges.remove(edge);
                problems.add("add_edge('" + edge.start() + "', '" + edge.end() + "'): there is no node named '"
                        + missing + "' (nodes: " + String.join(", ", names()) + "); the edge was dropped");
            }
        }
        return problems;
    }

    /** Returns the searcher nodes with an edge into {@code name}, in the order the edges were declared. */
    public List<GraphNode> parentsOf(String name) {
        List<GraphNode> parents = new ArrayList<>();
        for (Edge edge : edgesSnapshot()) {
            GraphNode parent = nodes.get(edge.start());
            if (edge.end().equals(name) && parent != null && parent.kind() == NodeKind.SEARCHER) {
                parents.add(parent);
            }
        }
        return parents;
    }

    /** Returns the root, if the planner added one. */
    public Optional<GraphNode> root() {
        return nodesSnapshot().stream().filter(n -> n.kind() == NodeKind.ROOT).findFirst();
    }

    /** Returns whether the planner added the response node. */
    public boolean hasResponse() {
        return nodesSnapshot().stream().anyMatch(n -> n.kind() == NodeKind.RESPONSE);
    }

    /** Returns the searcher nodes in the order they were declared. */
    public List<GraphNode> searchers() {
        return nodesSnapshot().stream().filter(n -> n.kind() == NodeKind.SEARCHER).toList();
    }

    /** Returns every node in the order it was declared. */
    public List<GraphNode> nodesSnapshot() {
        synchronized (nodes) {
            return List.copyOf(nodes.values());
        }
    }

    /** Returns every edge in the order it was declared. */
    public List<Edge> edgesSnapshot() {
        synchronized (edges) {
            return List.copyOf(edges);
        }
    }

    /** Returns the node names in the order they were declared. */
    public List<String> names() {
        synchronized (nodes) {
            return List.copyOf(nodes.keySet());
        }
    }

    private GraphNode put(GraphNode node) {
        nodes.put(node.name(), node);
        return node;
    }
}
