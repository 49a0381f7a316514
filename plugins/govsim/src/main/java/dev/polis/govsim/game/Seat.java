package dev.polis.govsim.game;

import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.api.agent.Agent;
import java.util.Objects;

/**
 * One place at the table: a persona, the agent that plays it, and the first month it plays.
 *
 * @param profile   the persona
 * @param agent     who plays it: a {@code GovSimAgent}, or any agent a plugin provides (it answers observations)
 * @param joinMonth the 0-based month it first plays (0, or the newcomer's month)
 */
public record Seat(AgentProfile profile, Agent agent, int joinMonth) {

    /** Checks the components. */
    public Seat {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(agent, "agent");
    }
}
