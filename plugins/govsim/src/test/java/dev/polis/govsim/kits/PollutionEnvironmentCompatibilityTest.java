package dev.polis.govsim.kits;

import dev.polis.api.env.EnvironmentProvider;
import dev.polis.govsim.env.PollutionEnvironmentProvider;

/** {@code govsim.pollution} passes the environment compatibility kit. */
class PollutionEnvironmentCompatibilityTest extends GovSimEnvironmentKit {

    @Override
    protected EnvironmentProvider createProvider() {
        return new PollutionEnvironmentProvider();
    }
}
