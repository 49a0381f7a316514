package dev.polis.govsim.protocol;

import java.util.Locale;

/**
 * The phases of a GovSim month, in order, as the environment announces them in each observation's
 * {@value #KEY} data; only the agents a phase addresses receive an observation.
 */
public enum Phase {
    /** Before an agent's first month (and after a resume): the rules of the game ({@link GameSetup}). */
    BEGIN,
    /** Every present agent says how much it takes ({@link HarvestRequest}); simultaneous. */
    HARVEST,
    /** Every present agent learns its own wanted and received units ({@link HarvestOutcome}). */
    OUTCOME,
    /** One agent at a time says its line in the group chat ({@link TurnRequest}). */
    TURN,
    /** The first present agent's framework model summarizes the chat and finds the agreed limit ({@link AnalysisRequest}). */
    ANALYSIS,
    /** Every present agent learns how the chat went ({@link DiscussionOutcome}). */
    DISCUSSION,
    /** Every present agent reflects at the end of the month ({@link ReflectionRequest}). */
    REFLECTION;

    /** The observation data key holding the phase id. */
    public static final String KEY = "phase";

    /** Returns the id used in observations and events ({@code harvest}, {@code turn}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
