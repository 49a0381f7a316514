package dev.polis.govsim.agent.llm;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.agent.llm.memory.MemoryKind;
import dev.polis.govsim.agent.llm.memory.MemoryNode;
import dev.polis.govsim.agent.llm.memory.MemoryStream;

/**
 * Writes an LLM agent's state (its memories and call counts) as JSON after each month, and reads it back
 * when an interrupted run resumes.
 */
final class AgentStateJson {

    /** The layout version written into every state. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One memory as saved. */
    record SavedNode(int id, String kind, String description, String created, String expires, int importance,
                     boolean alwaysInclude) {
    }

    /** A whole saved state; {@code calls} maps month to purpose label to count. */
    record SavedState(int version, List<SavedNode> memories, Map<Integer, Map<String, Integer>> calls) {
    }

    private AgentStateJson() {
    }

    /** Returns the JSON of {@code memory} and {@code counter}. */
    static String write(MemoryStream memory, CallCounter counter) {
        List<SavedNode> nodes = memory.all().stream().map(n -> new SavedNode(n.id(), n.kind().name(), n.description(),
                n.created().toString(), n.expires().toString(), n.importance(), n.alwaysInclude())).toList();
        Map<Integer, Map<String, Integer>> calls = new TreeMap<>();
        counter.snapshot().forEach((month, byPurpose) -> {
            Map<String, Integer> labelled = new TreeMap<>();
            byPurpose.forEach((purpose, n) -> labelled.put(purpose.name(), n));
            calls.put(month, labelled);
        });
        try {
            return MAPPER.writeValueAsString(new SavedState(VERSION, nodes, calls));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the agent's state: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Restores {@code json} into an empty {@code memory} and {@code counter}.
     *
     * @throws InvalidInputException when the JSON is not a saved state of this layout
     */
    static void read(String json, MemoryStream memory, CallCounter counter) {
        SavedState state;
        try {
            state = MAPPER.readValue(json, SavedState.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("saved govsim.llm state is not readable: " + e.getOriginalMessage(), e);
        }
        if (state.version() != VERSION) {
            throw new InvalidInputException("saved govsim.llm state has layout " + state.version() + ", expected "
                    + VERSION);
        }
        if (memory.size() > 0) {
            throw new IllegalStateException("state can only be restored into an agent with no memories");
        }
        List<MemoryNode> nodes = new ArrayList<>();
        try {
            for (SavedNode n : state.memories() == null ? List.<SavedNode>of() : state.memories()) {
                nodes.add(new MemoryNode(n.id(), MemoryKind.valueOf(n.kind()), n.description(),
                        LocalDateTime.parse(n.created()), LocalDateTime.parse(n.expires()), n.importance(),
                        n.alwaysInclude()));
            }
            nodes.forEach(memory::restore);
            if (state.calls() != null) {
                state.calls().forEach((month, byPurpose) -> byPurpose.forEach((purpose, n) ->
                        counter.add(month, CallPurpose.valueOf(purpose), n)));
            }
        } catch (RuntimeException e) {
            throw new InvalidInputException("saved govsim.llm state is damaged: " + e.getMessage(), e);
        }
    }
}
