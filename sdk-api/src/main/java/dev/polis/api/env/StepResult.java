package dev.polis.api.env;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of one environment step.
 *
 * @param observations the next observation of each agent that must act, by agent id
 * @param rewards      what each agent gained in this step, by agent id
 * @param done         whether the episode has ended
 * @param info         anything else worth recording (resource levels, phase names)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record StepResult(Map<String, Observation> observations, Map<String, Double> rewards, boolean done,
                         Map<String, Object> info) {

    /** Copies the maps. */
    public StepResult {
        observations = observations == null ? Map.of() : Map.copyOf(observations);
        rewards = rewards == null ? Map.of() : Map.copyOf(rewards);
        info = info == null ? Map.of() : Map.copyOf(info);
    }
}
