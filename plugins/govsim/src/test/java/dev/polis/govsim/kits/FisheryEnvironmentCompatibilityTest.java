package dev.polis.govsim.kits;

import dev.polis.api.env.EnvironmentProvider;
import dev.polis.govsim.env.FisheryEnvironmentProvider;

/** {@code govsim.fishery} passes the environment compatibility kit. */
class FisheryEnvironmentCompatibilityTest extends GovSimEnvironmentKit {

    @Override
    protected EnvironmentProvider createProvider() {
        return new FisheryEnvironmentProvider();
    }
}
