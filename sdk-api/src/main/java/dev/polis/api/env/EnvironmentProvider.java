package dev.polis.api.env;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/** Creates environments of one kind (for example {@code govsim.fishery}) from their configuration. */
@API(status = API.Status.STABLE, since = "0.1")
public interface EnvironmentProvider extends PolisExtension {

    /**
     * Creates a fresh environment.
     *
     * @throws dev.polis.api.InvalidInputException when the settings are wrong
     */
    Environment create(EnvironmentContext context);
}
