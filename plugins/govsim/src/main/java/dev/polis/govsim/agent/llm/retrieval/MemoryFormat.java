package dev.polis.govsim.agent.llm.retrieval;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import dev.polis.govsim.agent.llm.memory.MemoryNode;

/** Writes retrieved memories into prompt text, dated as {@code YYYY-MM-DD}. */
public final class MemoryFormat {

    private MemoryFormat() {
    }

    /** Writes one line per node, {@code - 2024-01-01: text}; {@code ""} for none. */
    public static String dated(List<MemoryNode> nodes) {
        return nodes.stream().map(n -> "- " + n.created().toLocalDate() + ": " + n.description())
                .collect(Collectors.joining("\n"));
    }

    /** Writes one numbered line per node, {@code 1) 2024-01-01: text}, for the reflection prompt. */
    public static String numbered(List<MemoryNode> nodes) {
        return IntStream.range(0, nodes.size())
                .mapToObj(i -> (i + 1) + ") " + nodes.get(i).created().toLocalDate() + ": " + nodes.get(i).description())
                .collect(Collectors.joining("\n"));
    }
}
