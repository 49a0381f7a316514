package dev.polis.guards;

import dev.polis.api.guard.GuardProvider;
import dev.polis.testkit.GuardCompatibilityKit;

/** Holds {@code guard.leak} to the guard contract. */
class LeakGuardCompatibilityTest extends GuardCompatibilityKit {

    @Override
    protected GuardProvider createProvider() {
        return new LeakGuardProvider();
    }
}
