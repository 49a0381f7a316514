package dev.polis.govsim.game;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run stands after its last finished month; saved after every month so an interrupted run resumes.
 *
 * @param nextMonth   the 0-based month to play next
 * @param pool        the pool at the start of {@code nextMonth} (after regrowth)
 * @param threshold   the per-agent threshold at the start of {@code nextMonth}
 * @param done        whether the run has ended (collapse or horizon)
 * @param months      the finished months, in order
 * @param agentStates each agent's saved state, by agent id (agents that save none are absent)
 */
public record GameState(int nextMonth, int pool, int threshold, boolean done, List<MonthRecord> months,
                        Map<String, String> agentStates) {

    /** Copies the collections. */
    public GameState {
        months = months == null ? List.of() : List.copyOf(months);
        agentStates = agentStates == null ? Map.of() : Map.copyOf(agentStates);
    }

    /** Returns the state before the first month. */
    public static GameState initial(GovSimConfig config, int agents) {
        int threshold = config.fixedInitialThreshold() ? 10 : Dynamics.perAgentThreshold(config.initialPool(), agents);
        return new GameState(0, config.initialPool(), threshold, false, List.of(), Map.of());
    }

    /** Returns a copy holding {@code states} as the agents' saved states. */
    public GameState withAgentStates(Map<String, String> states) {
        return new GameState(nextMonth, pool, threshold, done, months, new LinkedHashMap<>(states));
    }

    /** Returns the state after {@code month} finished. */
    public GameState next(MonthRecord month, int pool, int threshold, boolean done, Map<String, String> states) {
        List<MonthRecord> all = new ArrayList<>(months);
        all.add(month);
        return new GameState(month.month() + 1, pool, threshold, done, all, new LinkedHashMap<>(states));
    }
}
