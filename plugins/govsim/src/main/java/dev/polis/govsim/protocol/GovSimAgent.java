package dev.polis.govsim.protocol;

import dev.polis.api.agent.Agent;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import java.util.Map;
import java.util.Optional;

/**
 * A GovSim player: answers each phase of a month. Implemented by the LLM generative agent and the reference policies.
 *
 * <p>Lifecycle: {@link #begin} once, then per month {@link #harvest}, {@link #observeOutcome}, (with communication)
 * {@link #speak} zero or more times and {@link #afterDiscussion}, then {@link #reflect}. The environment never calls
 * one agent from two threads at once, but calls different agents concurrently (the harvest decisions of a month
 * are simultaneous). Only {@link #harvest} is required; a silent policy keeps the other defaults.
 *
 * <p>It is also a plain {@link Agent}: an {@link AgentProvider} of GovSim agents returns a {@code GovSimAgent},
 * and the environment ({@code polis run} and {@code polis govsim} alike) reaches it through {@link #act}, whose
 * observation carries the protocol request under {@link #REQUEST_KEY} and the {@link Phase} under
 * {@link Phase#KEY}.
 *
 * @see dev.polis.api.agent.AgentProvider
 */
public interface GovSimAgent extends Agent {

    /** The observation data key under which the environment passes the protocol request to a generic agent. */
    String REQUEST_KEY = "govsim.request";
    /** The action data key of a harvest amount (generic agents such as the sample plugin's fishers answer with it). */
    String HARVEST_KEY = "harvest";

    /** Receives the rules of the game before the agent's first month; the default ignores them. */
    default void begin(GameSetup setup) {
    }

    /** Decides how much to take this month. */
    HarvestDecision harvest(HarvestRequest request);

    /** Learns what it wanted and received this month; the default ignores it. */
    default void observeOutcome(HarvestOutcome outcome) {
    }

    /** Says its next line in the group chat; the default says nothing and ends the chat. */
    default Utterance speak(TurnRequest request) {
        return Utterance.concluding("");
    }

    /** Learns how the group chat went (summary, agreed limit); the default ignores it. */
    default void afterDiscussion(DiscussionOutcome outcome) {
    }

    /** Reflects at the end of the month; the default keeps no insight. */
    default Reflection reflect(ReflectionRequest request) {
        return Reflection.none();
    }

    /**
     * Returns the framework model's hooks this agent offers (the LLM agent's summary and limit extraction).
     *
     * <p>The environment uses the first present agent's analyst, as the original uses its main model; the default
     * offers none.
     */
    default Optional<ConversationAnalyst> analyst() {
        return Optional.empty();
    }

    /**
     * Returns the agent's state as text (JSON), written after each finished month so an interrupted run can resume.
     *
     * <p>Empty (the default) means the agent keeps nothing worth saving: a resumed run gives it a fresh start.
     */
    default Optional<String> saveState() {
        return Optional.empty();
    }

    /** Restores what {@link #saveState()} returned, after {@link #begin} and before the next month; the default ignores it. */
    default void restoreState(String state) {
    }

    /**
     * Answers a generic observation by dispatching the protocol request it carries.
     *
     * <p>A harvest answers with {@value #HARVEST_KEY}; a turn with {@code utterance}, {@code concludes} and
     * {@code next}; an analysis with {@code summary}, {@code limit} (when one was agreed), {@code raw_summary} and
     * {@code raw_limit}; a reflection with {@code insights}; other observations with an empty action.
     */
    @Override
    default Action act(Observation observation) {
        Object request = observation.data().get(REQUEST_KEY);
        if (request instanceof GameSetup setup) {
            begin(setup);
            return new Action(id(), "", Map.of());
        }
        if (request instanceof AnalysisRequest analysis) {
            ConversationAnalysis result = analyst().orElse(ConversationAnalyst.none())
                    .analyze(analysis.context(), analysis.conversation());
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("summary", result.summary());
            result.agreedLimit().ifPresent(limit -> data.put("limit", limit));
            data.put("raw_summary", result.rawSummary());
            data.put("raw_limit", result.rawLimit());
            return new Action(id(), result.summary(), data);
        }
        if (request instanceof HarvestRequest harvest) {
            HarvestDecision decision = harvest(harvest);
            return new Action(id(), decision.rawText(), Map.of(HARVEST_KEY, decision.amount(),
                    "status", decision.status().name()));
        }
        if (request instanceof TurnRequest turn) {
            Utterance line = speak(turn);
            return new Action(id(), line.rawText(), Map.of("utterance", line.text(), "concludes", line.concludes(),
                    "next", line.nextSpeaker().orElse("")));
        }
        if (request instanceof HarvestOutcome outcome) {
            observeOutcome(outcome);
        } else if (request instanceof DiscussionOutcome outcome) {
            afterDiscussion(outcome);
        } else if (request instanceof ReflectionRequest reflection) {
            Reflection result = reflect(reflection);
            return new Action(id(), result.rawText(), Map.of("insights", result.insights()));
        }
        return new Action(id(), "", Map.of());
    }
}
