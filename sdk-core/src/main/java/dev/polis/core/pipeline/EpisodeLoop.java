package dev.polis.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.PolisException;
import dev.polis.api.agent.Agent;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.Progress;
import dev.polis.api.run.RunContext;

/**
 * Plays one episode: reset with the run's seed, then steps until the environment is done or the step limit
 * is reached, asking each observed agent to act and recording {@code env.reset}, {@code agent.action} and
 * {@code env.step} events.
 */
final class EpisodeLoop {

    private final Society society;
    private final RunContext run;
    private final int stepLimit;

    EpisodeLoop(Society society, RunContext run, int stepLimit) {
        this.society = society;
        this.run = run;
        this.stepLimit = stepLimit;
    }

    EpisodeOutcome play() {
        EventSink events = run.events();
        Map<String, Double> totals = new LinkedHashMap<>();
        society.agents().keySet().forEach(id -> totals.put(id, 0.0));
        Map<String, Observation> observations = society.environment().reset(run.seed());
        events.emit("env.reset", Map.of("seed", run.seed(), "observed", observed(observations)));
        int step = 0;
        boolean done = false;
        try (Progress progress = run.progress("episode", stepLimit)) {
            while (!done && step < stepLimit) {
                step++;
                Map<String, Action> actions = act(step, observations == null ? Map.of() : observations);
                StepResult result = society.environment().step(actions);
                if (result == null) {
                    throw new PolisException("the environment returned no step result at step " + step
                            + "; this is a bug in its plugin");
                }
                result.rewards().forEach((id, reward) -> totals.merge(id, reward, Double::sum));
                events.emit("env.step", Map.of("step", step, "rewards", result.rewards(), "done", result.done(),
                        "info", result.info()));
                observations = result.observations();
                done = result.done();
                progress.status("step " + step + "/" + stepLimit);
                progress.advance(1);
            }
        }
        return new EpisodeOutcome(step, done, totals, society.environment().metrics());
    }

    private Map<String, Action> act(int step, Map<String, Observation> observations) {
        for (String id : observations.keySet()) {
            if (!society.agents().containsKey(id)) {
                throw new PolisException("the environment addressed an observation to agent '" + id
                        + "', which is not configured (configured: " + String.join(", ", society.agents().keySet())
                        + ")");
            }
        }
        Map<String, Action> actions = new LinkedHashMap<>();
        for (Map.Entry<String, Agent> entry : society.agents().entrySet()) {
            Observation observation = observations.get(entry.getKey());
            if (observation == null) {
                continue;
            }
            Action action = entry.getValue().act(observation);
            if (action == null) {
                throw new PolisException("agent " + entry.getKey() + " returned no action at step " + step
                        + "; this is a bug in its provider's plugin");
            }
            actions.put(entry.getKey(), action);
            run.events().emit("agent.action", Map.of("step", step, "agent", entry.getKey(), "text", action.text(),
                    "data", action.data()));
        }
        return actions;
    }

    private static List<String> observed(Map<String, Observation> observations) {
        return observations == null ? List.of() : observations.keySet().stream().sorted().toList();
    }
}
