package dev.polis.govsim.metrics;

import java.util.List;

/**
 * The part of one month the metrics need, from our own records or an imported {@code log_env.json}.
 *
 * @param poolBefore the pool before harvesting
 * @param poolAfter  the pool after harvesting
 * @param threshold  the per-agent threshold of the month
 * @param agentIds   the present agents, in order
 * @param received   what each present agent received, same order
 */
public record MonthData(int poolBefore, int poolAfter, int threshold, List<String> agentIds, List<Integer> received) {

    /** Copies the lists. */
    public MonthData {
        agentIds = List.copyOf(agentIds);
        received = List.copyOf(received);
    }
}
