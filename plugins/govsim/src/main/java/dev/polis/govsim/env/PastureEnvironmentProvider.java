package dev.polis.govsim.env;

import dev.polis.govsim.protocol.Scenario;
import org.pf4j.Extension;

/** Creates the GovSim pasture commons, {@code govsim.pasture}: shepherds share a pasture: 100 hectares of grass, doubling each month, collapse below 5. */
@Extension
public final class PastureEnvironmentProvider extends GovSimEnvironmentProvider {

    /** Creates the provider. */
    public PastureEnvironmentProvider() {
        super(Scenario.PASTURE);
    }

    @Override
    public String description() {
        return "GovSim: shepherds share a pasture: 100 hectares of grass, doubling each month, collapse below 5";
    }
}
