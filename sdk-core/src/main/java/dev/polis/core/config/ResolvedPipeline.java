package dev.polis.core.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated pipeline configuration with everything needed to report on it: where it came from, where each
 * field is in its source, which secrets substitution put in, and which values operator overrides replaced.
 *
 * @param config    the configuration after substitution and overrides
 * @param source    the file or resource name, or {@code ""} for a configuration built in code
 * @param locations where each field path starts in the source
 * @param secrets   values of secret variables, by variable name; masked wherever the configuration is recorded
 * @param overrides the operator overrides that were applied, in order
 */
public record ResolvedPipeline(PipelineConfig config, String source, SourceLocations locations,
                               Map<String, String> secrets, List<AppliedOverride> overrides) {

    /** Checks the components and copies the collections. */
    public ResolvedPipeline {
        Objects.requireNonNull(config, "config");
        source = source == null ? "" : source;
        locations = locations == null ? SourceLocations.none() : locations;
        secrets = Map.copyOf(secrets);
        overrides = List.copyOf(overrides);
    }

    /** Returns a configuration error about the field at {@code path}, located in the source when it has one. */
    public ConfigException error(String path, String problem) {
        return ConfigException.at(source, locations, path, problem);
    }

    /** Returns a configuration error about the field at {@code path}, keeping the failure that revealed it. */
    public ConfigException error(String path, String problem, Throwable cause) {
        return new ConfigException(source, locations.find(path).orElse(null), path, problem, cause);
    }

    /** Returns the settings block {@code values} found at {@code path}, reporting bad values with their location. */
    public JacksonSettings settings(Map<String, Object> values, String path) {
        return new JacksonSettings(ConfigMappers.json().valueToTree(values), path, source, locations);
    }
}
