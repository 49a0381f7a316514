package dev.polis.guards;

import dev.polis.api.guard.GuardProvider;
import dev.polis.testkit.GuardCompatibilityKit;

/** Holds {@code guard.spotlight} to the guard contract. */
class SpotlightGuardCompatibilityTest extends GuardCompatibilityKit {

    @Override
    protected GuardProvider createProvider() {
        return new SpotlightGuardProvider();
    }
}
