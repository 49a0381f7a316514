package dev.polis.govsim.protocol;

import java.util.Objects;

/**
 * Says who one agent is in the game.
 *
 * @param id       the stable agent id ({@code persona_0} .. {@code persona_4}), as logged
 * @param name     the persona's name ({@code John}, {@code Kate}, ...)
 * @param goal     the persona's goal text appended to the rules ({@code ""} in the default experiment; the
 *                 greedy newcomer and the locals of that experiment carry one)
 * @param newcomer whether the agent joins the game late (greedy newcomer experiment)
 */
public record AgentProfile(String id, String name, String goal, boolean newcomer) {

    /** Checks the components. */
    public AgentProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        goal = goal == null ? "" : goal;
    }
}
