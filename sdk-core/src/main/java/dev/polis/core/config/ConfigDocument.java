package dev.polis.core.config;

import java.util.Map;
import java.util.Objects;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed configuration: its tree, where it came from, and what substitution put into it.
 *
 * @param source    the file or resource name used in messages ({@code pipeline.yaml})
 * @param tree      the parsed tree after {@code ${NAME}} substitution
 * @param locations where each field path starts in the source text
 * @param secrets   values substituted for secret variables, by variable name, to be masked in records
 */
public record ConfigDocument(String source, JsonNode tree, SourceLocations locations, Map<String, String> secrets) {

    /** Checks the components and copies the map. */
    public ConfigDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(locations, "locations");
        secrets = Map.copyOf(secrets);
    }

    /** Returns a configuration error about the field at {@code path}, located in this document. */
    public ConfigException error(String path, String problem) {
        return ConfigException.at(source, locations, path, problem);
    }
}
