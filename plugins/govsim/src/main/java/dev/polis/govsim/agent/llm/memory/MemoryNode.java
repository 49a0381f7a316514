package dev.polis.govsim.agent.llm.memory;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One memory of an agent.
 *
 * @param id            the node's number in creation order, from 1
 * @param kind          what it records
 * @param description   the memory as text
 * @param created       when it was made, on the agent's clock
 * @param expires       from when on it is no longer retrieved
 * @param importance    its importance, 1 to 10 (always-remember nodes have 10)
 * @param alwaysInclude whether retrieval always returns it while it has not expired
 */
public record MemoryNode(int id, MemoryKind kind, String description, LocalDateTime created, LocalDateTime expires,
                         int importance, boolean alwaysInclude) {

    /** Checks the components. */
    public MemoryNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        if (importance < 1 || importance > 10) {
            throw new IllegalArgumentException("importance must be in 1..10 but was " + importance);
        }
    }

    /** Returns whether the node may still be retrieved at {@code now}: it expires strictly later. */
    public boolean aliveAt(LocalDateTime now) {
        return expires.isAfter(now);
    }
}
