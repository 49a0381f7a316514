package dev.polis.govsim.kits;

import dev.polis.api.env.Observation;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.game.GovSimEnvironment;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.testkit.AgentCompatibilityKit;
import java.util.List;
import java.util.Map;

/** The agent compatibility kit on a GovSim agent provider; the typical observation is a real month-1 harvest. */
abstract class GovSimAgentKit extends AgentCompatibilityKit {

    @Override
    protected Observation typicalObservation(String agentId) {
        GovSimEnvironment env = GovSimEnvironment.forAgents(GovSimConfig.defaults(Scenario.FISHERY,
                Experiment.parse("universalization"), 1), List.of(agentId, "other"), months -> Map.of());
        env.reset(1); // the rules of the game come first
        Observation harvest = env.step(Map.of()).observations().get(agentId);
        if (!"harvest".equals(harvest.data().get("phase"))) {
            throw new IllegalStateException("expected the harvest after the rules, got " + harvest.data());
        }
        return harvest;
    }
}
