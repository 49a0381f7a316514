package dev.polis.api.guard;

import org.apiguardian.api.API;

/**
 * Inspects a message at a trust boundary and allows, neutralises or refuses it.
 *
 * <p>Created by a {@link GuardProvider} from its configuration block; thread-safe, since one guard serves every
 * agent of a run. Closing it frees what it holds (a classifier model, an index).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface Guard extends AutoCloseable {

    /** Returns the verdict on the request's message at its boundary, given the messages already in the prompt. */
    GuardVerdict inspect(GuardRequest request);

    /** Frees what the guard holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
