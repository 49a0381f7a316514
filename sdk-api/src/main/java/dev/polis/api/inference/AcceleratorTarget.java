package dev.polis.api.inference;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A runtime model an {@link Accelerator} can install itself into, exposing its seams by type.
 *
 * <p>The runtime plugin defines the seam types (prefill strategy, KV-cache policy, feed-forward block,
 * early exit); an accelerator asks for the ones it needs and fails clearly when one is missing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface AcceleratorTarget {

    /** Returns a short description of the model (architecture, layers), for messages. */
    String describe();

    /** Returns the seam of the given type, if this runtime offers it. */
    <T> Optional<T> seam(Class<T> type);
}
