package dev.polis.runtime.accelerators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.runtime.seam.PrefillStrategy;
import org.pf4j.Extension;

/**
 * A test accelerator on the prefill seam: a prompt of two tokens or more goes through the strategy installed before
 * it in two halves, the first half then the second (chunked prefill); its result equals dense prefill up to the
 * order of float sums.
 */
@Extension
public final class TwoHalfPrefill implements Accelerator {

    /** The accelerator's id. */
    public static final String ID = "accelerator.test-two-half-prefill";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "test accelerator: prefills a prompt in two halves";
    }

    @Override
    public void install(AcceleratorTarget target, Settings settings) {
        Seams.require(target, PrefillSeam.class, ID).replace(TwoHalfPrefill::halves);
        InstallLog.ORDER.add(ID);
    }

    private static PrefillStrategy halves(PrefillStrategy inner) {
        return (session, layers, hidden, positions) -> {
            int tokens = positions.length;
            if (tokens < 2) {
                return inner.prefill(session, layers, hidden, positions);
            }
            int half = tokens / 2;
            inner.prefill(session, layers, rows(hidden, 0, half), Arrays.copyOfRange(positions, 0, half));
            return inner.prefill(session, layers, rows(hidden, half, tokens),
                    Arrays.copyOfRange(positions, half, tokens));
        };
    }

    private static NDArray rows(NDArray hidden, int from, int to) {
        return hidden.get(new NDIndex().addAllDim().addSliceDim(from, to));
    }
}
