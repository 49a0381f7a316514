package dev.polis.govsim.env;

import dev.polis.govsim.protocol.Scenario;
import org.pf4j.Extension;

/** Creates the GovSim pollution commons, {@code govsim.pollution}: factory owners share a river: 100% unpolluted, recovering each month, collapse below 5. */
@Extension
public final class PollutionEnvironmentProvider extends GovSimEnvironmentProvider {

    /** Creates the provider. */
    public PollutionEnvironmentProvider() {
        super(Scenario.POLLUTION);
    }

    @Override
    public String description() {
        return "GovSim: factory owners share a river: 100% unpolluted, recovering each month, collapse below 5";
    }
}
