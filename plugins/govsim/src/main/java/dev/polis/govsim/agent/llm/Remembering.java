package dev.polis.govsim.agent.llm;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.run.EventSink;
import dev.polis.govsim.agent.llm.memory.MemoryKind;
import dev.polis.govsim.agent.llm.memory.MemoryNode;
import dev.polis.govsim.agent.llm.memory.MemoryStream;
import dev.polis.govsim.agent.llm.parse.ImportanceParser;
import dev.polis.govsim.agent.llm.parse.ImportanceRating;
import dev.polis.govsim.agent.llm.parse.StructuredImportance;
import dev.polis.govsim.agent.llm.prompt.AgentPrompts;

/**
 * Writes new memories into an agent's stream: always-remember nodes at importance 10, the others with an
 * importance the model rates (one call each; a JSON schema answer with {@code choices: constrained}) or the default 5 when rating is switched off. A rating that
 * cannot be read is recorded as a {@code govsim.llm.importance} event.
 */
final class Remembering {

    private final String agentId;
    private final MemoryStream memory;
    private final AgentPrompts prompts;
    private final ModelCaller caller;
    private final boolean rate;
    private final boolean constrained;
    private final EventSink events;

    Remembering(String agentId, MemoryStream memory, AgentPrompts prompts, ModelCaller caller, boolean rate,
                boolean constrained, EventSink events) {
        this.agentId = agentId;
        this.memory = Objects.requireNonNull(memory, "memory");
        this.prompts = prompts;
        this.caller = caller;
        this.rate = rate;
        this.constrained = constrained;
        this.events = events;
    }

    /** Adds a node retrieval always returns until it expires. */
    MemoryNode always(MemoryKind kind, String text, LocalDateTime created, LocalDateTime expires) {
        return memory.add(kind, text, created, expires, ImportanceRating.ALWAYS_INCLUDE_SCORE, true);
    }

    /** Adds a node with a rated importance; {@code month} labels the rating call. */
    MemoryNode rated(MemoryKind kind, String text, LocalDateTime created, LocalDateTime expires, int month) {
        ImportanceRating rating = !rate ? null : constrained
                ? StructuredImportance.parse(caller.ask(prompts.importance(text), CallPurpose.IMPORTANCE, month,
                        StructuredImportance.format()))
                : ImportanceParser.parse(caller.ask(prompts.importance(text), CallPurpose.IMPORTANCE, month, null,
                        prompts.prefix("importance")));
        rating = rating != null ? rating : new ImportanceRating(ImportanceRating.DEFAULT_SCORE, ImportanceRating.Outcome.NOT_ASKED, "");
        if (rating.outcome() == ImportanceRating.Outcome.NO_NUMBER
                || rating.outcome() == ImportanceRating.Outcome.OUT_OF_RANGE
                || rating.outcome() == ImportanceRating.Outcome.JSON_INVALID) {
            events.emit("govsim.llm.importance", Map.of("agent", agentId, "month", month, "memory", text,
                    "outcome", rating.outcome().name(), "score", rating.score(), "raw", rating.rawText()));
        }
        return memory.add(kind, text, created, expires, rating.score(), false);
    }
}
