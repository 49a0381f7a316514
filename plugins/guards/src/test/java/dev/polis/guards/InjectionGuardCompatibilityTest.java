package dev.polis.guards;

import dev.polis.api.guard.GuardProvider;
import dev.polis.testkit.GuardCompatibilityKit;

/** Holds {@code guard.injection} to the guard contract. */
class InjectionGuardCompatibilityTest extends GuardCompatibilityKit {

    @Override
    protected GuardProvider createProvider() {
        return new InjectionGuardProvider();
    }
}
