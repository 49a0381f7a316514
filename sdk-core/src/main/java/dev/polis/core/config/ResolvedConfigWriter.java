package dev.polis.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a resolved pipeline as the YAML of {@code config.resolved.yaml}: every default filled in, overrides
 * noted in a header comment, secret values written as their {@code ${NAME}} references.
 *
 * <p>The result reads back as a pipeline configuration, so a run can be repeated from its own record.
 */
public final class ResolvedConfigWriter {

    private ResolvedConfigWriter() {
    }

    /** Returns the YAML text for {@code pipeline}. */
    public static String toYaml(ResolvedPipeline pipeline) {
        JsonNode tree = SecretMasking.mask(ConfigMappers.json().valueToTree(pipeline.config()), pipeline.secrets());
        StringBuilder text = new StringBuilder("# Resolved configuration");
        text.append(pipeline.source().isEmpty() ? " (built in code)" : " of " + pipeline.source());
        text.append(": defaults filled in, ${...} substituted, operator overrides applied.\n");
        if (!pipeline.secrets().isEmpty()) {
            text.append("# Secret values are written as their variable references.\n");
        }
        for (AppliedOverride override : pipeline.overrides()) {
            text.append("# override: ").append(override.path()).append(" = ").append(override.value())
                    .append(" from ").append(override.origin())
                    .append(override.replaced() == null ? " (not configured)" : " (configured: " + override.replaced() + ")")
                    .append('\n');
        }
        try {
            return text.append(ConfigMappers.yaml().writeValueAsString(tree)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the resolved configuration as YAML", e);
        }
    }
}
