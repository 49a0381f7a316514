package dev.polis.core.pipeline;

import java.util.Map;

/**
 * How an episode ended.
 *
 * @param steps        the steps taken
 * @param done         whether the environment ended the episode (rather than the step limit)
 * @param totalRewards each agent's summed reward, by agent id in configuration order
 * @param metrics      the environment's metrics at the end
 */
record EpisodeOutcome(int steps, boolean done, Map<String, Double> totalRewards, Map<String, Double> metrics) {
}
