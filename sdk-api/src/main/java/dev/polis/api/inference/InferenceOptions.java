package dev.polis.api.inference;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The operator's inference choices for in-process models: device, decoder and accelerators.
 *
 * <p>They come from the pipeline's {@code runtime} block, overridden by {@code POLIS_DEVICE},
 * {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS}; providers of in-process models honour them,
 * providers of remote models ignore them. A {@code null} device or decoder means the runtime's default.
 *
 * @param device       where to run, for example {@code cpu} or {@code cuda:0}
 * @param decoder      the {@link Decoder} id, for example {@code decoder.greedy}
 * @param accelerators {@link Accelerator} ids, in the order they are installed; never {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record InferenceOptions(String device, String decoder, List<String> accelerators) {

    /** Options that leave every choice to the runtime. */
    public static final InferenceOptions DEFAULTS = new InferenceOptions(null, null, List.of());

    /** Copies the list. */
    public InferenceOptions {
        accelerators = accelerators == null ? List.of() : List.copyOf(accelerators);
    }
}
