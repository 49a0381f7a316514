package dev.polis.govsim.protocol;

/** Names the phases of one GovSim month, in the order the environment runs them. */
public enum Phase {
    /** Every present agent says how much it wants to take; the decisions are simultaneous. */
    HARVEST,
    /** Each agent learns what it wanted and what it actually received (only its own numbers). */
    OUTCOME,
    /** The group chat: the mayor's report, then agent turns; skipped without communication. */
    DISCUSSION,
    /** Each agent reflects on its memories and keeps insights; the month ends afterwards. */
    REFLECTION
}
