package dev.polis.govsim.agent.llm.memory;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's memories in creation order.
 *
 * <p>Nodes are only added, never changed. Retrieval sees the nodes that are not chats and have not expired
 * ({@link #retrievable}); chat summaries are kept for the records only, as in the original. Thread-safe.
 */
public final class MemoryStream {

    private final List<MemoryNode> nodes = new ArrayList<>();

    /** Adds a memory and returns its node. */
    public synchronized MemoryNode add(MemoryKind kind, String description, LocalDateTime created,
                                       LocalDateTime expires, int importance, boolean alwaysInclude) {
        MemoryNode node = new MemoryNode(nodes.size() + 1, kind, description, created, expires, importance,
                alwaysInclude);
        nodes.add(node);
        return node;
    }

    /** Adds a node read back from saved state; its id must follow the last one. */
    public synchronized void restore(MemoryNode node) {
        if (node.id() != nodes.size() + 1) {
            throw new IllegalArgumentException("memory node " + node.id() + " does not follow node " + nodes.size());
        }
        nodes.add(node);
    }

    /** Returns every node, in creation order. */
    public synchronized List<MemoryNode> all() {
        return List.copyOf(nodes);
    }

    /** Returns the nodes retrieval may return at {@code now}: not chats, not expired, in creation order. */
    public synchronized List<MemoryNode> retrievable(LocalDateTime now) {
        return nodes.stream().filter(n -> n.kind() != MemoryKind.CHAT && n.aliveAt(now)).toList();
    }

    /** Returns how many nodes the stream holds. */
    public synchronized int size() {
        return nodes.size();
    }
}
