package dev.polis.guards;

import java.util.List;
import java.util.Map;
import dev.polis.api.Settings;
import dev.polis.api.guard.GuardProvider;
import dev.polis.testkit.GuardCompatibilityKit;
import dev.polis.testkit.TestSettings;

/** Holds {@code guard.chain} (spotlight, injection, leak) to the guard contract. */
class GuardChainCompatibilityTest extends GuardCompatibilityKit {

    @Override
    protected GuardProvider createProvider() {
        return new GuardChainProvider();
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("guards", List.of(Map.of("id", "spotlight"), Map.of("id", "injection"),
                Map.of("id", "leak", "canaries", List.of("CANARY-7f3a"))));
    }
}
