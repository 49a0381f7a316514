package dev.polis.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Describes one agent of a pipeline.
 *
 * @param id       the id the agent acts under; unique within the pipeline
 * @param provider the {@link dev.polis.api.agent.AgentProvider} id that creates it
 * @param model    the agent's chat model, or {@code null} for agents that need none
 * @param settings the block handed to the provider; empty when absent
 */
public record AgentConfig(String id, String provider, ModelConfig model, Map<String, Object> settings) {

    /** Copies the settings, keeping their order. */
    public AgentConfig {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
