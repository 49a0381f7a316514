package dev.polis.mindsearch.graph;

import dev.polis.api.search.SearchHit;
import java.util.List;
import java.util.Objects;

/**
 * One node of the search graph: its name, its question and, for searcher nodes, what its searcher found.
 *
 * <p>The planner's thread declares nodes; searcher threads set the outcome. Fields that change are volatile, and an
 * outcome is set once per node.
 */
public final class GraphNode {

    private final String name;
    private final NodeKind kind;
    private final int turn;
    private volatile String content;
    private volatile List<String> declaredParents = List.of();
    private volatile NodeStatus status = NodeStatus.PENDING;
    private volatile String answer = "";
    private volatile String error = "";
    private volatile List<SearchHit> results = List.of();
    private volatile List<String> read = List.of();
    private volatile int searches;

    GraphNode(String name, NodeKind kind, String content, int turn) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.content = content == null ? "" : content;
        this.turn = turn;
    }

    /** Returns the node's name, unique in its graph. */
    public String name() {
        return name;
    }

    /** Returns what the node stands for. */
    public NodeKind kind() {
        return kind;
    }

    /** Returns the question (the root's question, a searcher's sub-question; empty for the response node). */
    public String content() {
        return content;
    }

    void content(String value) {
        content = value == null ? "" : value;
    }

    /** Returns the planner turn that declared the node, from 1. */
    public int turn() {
        return turn;
    }

    /** Returns the answered parents known when the node was declared (the original's resolution), in edge order. */
    public List<String> declaredParents() {
        return declaredParents;
    }

    void declaredParents(List<String> parents) {
        declaredParents = List.copyOf(parents);
    }

    /** Returns how far the node's searcher got. */
    public NodeStatus status() {
        return status;
    }

    /** Returns the searcher's answer with its local {@code [[n]]} citations; empty until done. */
    public String answer() {
        return answer;
    }

    /** Returns why the searcher failed; empty unless {@link NodeStatus#FAILED}. */
    public String error() {
        return error;
    }

    /** Marks the node's searcher as working. */
    public void running() {
        status = NodeStatus.RUNNING;
    }

    /** Returns the search results the searcher saw; its answer's {@code [[i]]} is position i here. */
    public List<SearchHit> results() {
        return results;
    }

    /** Returns the ids of the documents the searcher read in full. */
    public List<String> read() {
        return read;
    }

    /** Returns how many searches the searcher ran. */
    public int searches() {
        return searches;
    }

    /** Records what the searcher saw and did, whether it answered or not. */
    public void work(List<SearchHit> seen, List<String> documentsRead, int searchCount) {
        results = List.copyOf(seen);
        read = List.copyOf(documentsRead);
        searches = searchCount;
    }

    /** Records the searcher's answer. */
    public void answered(String text) {
        answer = text == null ? "" : text;
        status = NodeStatus.DONE;
    }

    /** Records that the searcher failed, with one sentence saying why. */
    public void failed(String reason) {
        error = reason == null ? "" : reason;
        answer = "";
        status = NodeStatus.FAILED;
    }

    /** Returns whether the node's searcher has finished, answered or failed. */
    public boolean finished() {
        return status == NodeStatus.DONE || status == NodeStatus.FAILED;
    }
}
