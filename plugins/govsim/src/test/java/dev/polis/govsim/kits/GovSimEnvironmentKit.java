package dev.polis.govsim.kits;

import dev.polis.api.Settings;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import dev.polis.testkit.EnvironmentCompatibilityKit;
import dev.polis.testkit.TestSettings;
import java.util.List;

/** The environment compatibility kit on a GovSim commons: five agents, each taking 12 when asked to harvest. */
abstract class GovSimEnvironmentKit extends EnvironmentCompatibilityKit {

    @Override
    protected List<String> agentIds() {
        return List.of("a", "b", "c", "d", "e");
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("experiment", "universalization");
    }

    @Override
    protected Action typicalAction(Observation observation) {
        return "harvest".equals(observation.data().get("phase")) ? Action.of(observation.agentId(), "harvest", 12)
                : new Action(observation.agentId(), "ok", java.util.Map.of());
    }

    @Override
    protected int stepsToCompare() {
        return 40;
    }
}
