package dev.polis.api.env;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one agent does in answer to an observation.
 *
 * @param agentId the acting agent
 * @param text    the action as text (a model's raw answer, or a description)
 * @param data    the parsed action as structured values (for example {@code harvest: 10}); never {@code null}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Action(String agentId, String text, Map<String, Object> data) {

    /** Checks the components and copies the data. */
    public Action {
        Objects.requireNonNull(agentId, "agentId");
        text = text == null ? "" : text;
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** Creates an action carrying one numeric value under {@code key}. */
    public static Action of(String agentId, String key, Number value) {
        return new Action(agentId, key + "=" + value, Map.of(key, value));
    }
}
