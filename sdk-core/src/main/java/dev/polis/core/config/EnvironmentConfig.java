package dev.polis.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the environment of a pipeline and its settings.
 *
 * @param id       the {@link dev.polis.api.env.EnvironmentProvider} id, for example {@code govsim.fishery}
 * @param settings the block handed to the provider; empty when absent
 */
public record EnvironmentConfig(String id, Map<String, Object> settings) {

    /** Copies the settings, keeping their order. */
    public EnvironmentConfig {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
