package dev.polis.api.inference;

import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A causal language model at the token level: what decoders drive.
 *
 * <p>The runtime plugin implements it over its transformer; decoders need nothing more than sessions.
 * Runtimes that offer more (early exit, layer ranges) expose it through {@link #seam(Class)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CausalLm {

    /** Returns the number of logits per position. */
    int vocabularySize();

    /** Returns the token ids that end a generation (end of sequence, end of turn). */
    Set<Integer> stopTokens();

    /** Opens a new, empty session. */
    LmSession newSession();

    /**
     * Returns a runtime-specific capability of the given type, empty when this model lacks it; the same objects
     * {@link AcceleratorTarget#seam(Class)} hands accelerators.
     */
    default <T> Optional<T> seam(Class<T> type) {
        return Optional.empty();
    }
}
