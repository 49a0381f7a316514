package dev.polis.api.guard;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/** Creates guards of one kind (for example {@code guard.spotlight}) from their configuration block. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface GuardProvider extends PolisExtension {

    /**
     * Creates a guard; the caller closes it.
     *
     * @throws dev.polis.api.InvalidInputException when the settings are wrong
     */
    Guard create(GuardContext context);
}
