package dev.polis.examples.commons;

import dev.polis.api.env.Action;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.api.env.Observation;
import dev.polis.testkit.EnvironmentCompatibilityKit;

class CommonsEnvironmentCompatibilityTest extends EnvironmentCompatibilityKit {

    @Override
    protected EnvironmentProvider createProvider() {
        return new CommonsEnvironmentProvider();
    }

    @Override
    protected Action typicalAction(Observation observation) {
        return Action.of(observation.agentId(), "take", 10);
    }
}
