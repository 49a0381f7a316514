package dev.polis.api.env;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one agent perceives before it acts.
 *
 * @param agentId the agent it is addressed to
 * @param text    the observation as text, for language-model agents
 * @param data    the same information as structured values, for programmatic agents; never {@code null}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Observation(String agentId, String text, Map<String, Object> data) {

    /** Checks the components and copies the data. */
    public Observation {
        Objects.requireNonNull(agentId, "agentId");
        text = text == null ? "" : text;
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
