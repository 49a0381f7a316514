package dev.polis.govsim.env;

import dev.polis.govsim.protocol.Scenario;
import org.pf4j.Extension;

/** Creates the GovSim fishery commons, {@code govsim.fishery}: fishers share a lake: 100 tons, doubling each month, collapse below 5. */
@Extension
public final class FisheryEnvironmentProvider extends GovSimEnvironmentProvider {

    /** Creates the provider. */
    public FisheryEnvironmentProvider() {
        super(Scenario.FISHERY);
    }

    @Override
    public String description() {
        return "GovSim: fishers share a lake: 100 tons, doubling each month, collapse below 5";
    }
}
