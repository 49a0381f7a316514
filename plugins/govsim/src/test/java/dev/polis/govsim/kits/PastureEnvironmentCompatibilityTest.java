package dev.polis.govsim.kits;

import dev.polis.api.env.EnvironmentProvider;
import dev.polis.govsim.env.PastureEnvironmentProvider;

/** {@code govsim.pasture} passes the environment compatibility kit. */
class PastureEnvironmentCompatibilityTest extends GovSimEnvironmentKit {

    @Override
    protected EnvironmentProvider createProvider() {
        return new PastureEnvironmentProvider();
    }
}
