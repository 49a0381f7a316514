package dev.polis.core.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.polis.api.agent.Agent;
import dev.polis.api.env.Environment;

/**
 * The environment of a run and its agents, by agent id in configuration order.
 *
 * @param environment the environment
 * @param agents      the agents, by id
 */
record Society(Environment environment, Map<String, Agent> agents) {

    /** Copies the agents, keeping their order. */
    Society {
        agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
    }
}
