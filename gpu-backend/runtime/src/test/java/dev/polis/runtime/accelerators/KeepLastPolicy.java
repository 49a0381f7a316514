package dev.polis.runtime.accelerators;

import java.util.Arrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.KvCachePolicySeam;
import org.pf4j.Extension;

/**
 * A test accelerator on the KV-cache policy seam: once the prompt is in (phase {@link AppendPhase#PROMPT}), every
 * layer keeps only its last {@code keep} slots (setting {@code keep}, default 4) and, unless {@code compact: false},
 * compacts its cache so the memory of the dropped entries is freed. What follows therefore equals the full model with
 * the dropped prompt keys masked, the oracle SnapKV's compression also has (spec §D.6).
 */
@Extension
public final class KeepLastPolicy implements Accelerator {

    /** The accelerator's id. */
    public static final String ID = "accelerator.test-keep-last";

    /**
     * Its settings block.
     *
     * @param keep    how many of the prompt's last entries each layer keeps
     * @param compact whether to free the dropped entries' memory (default true)
     */
    public record Options(Integer keep, Boolean compact) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "test accelerator: each layer keeps the prompt's last N cache entries";
    }

    @Override
    public void install(AcceleratorTarget target, Settings settings) {
        KvCachePolicySeam seam = Seams.require(target, KvCachePolicySeam.class, ID);
        Options options = settings.bind(Options.class);
        int n = options.keep() == null ? 4 : options.keep();
        boolean compact = options.compact() == null || options.compact();
        if (n < 1) {
            throw new InvalidInputException("keep: must be at least 1 but was " + n);
        }
        InstallLog.ORDER.add(ID);
        seam.add(event -> {
            if (event.phase() == AppendPhase.PROMPT) {
                keepLast(event.cache(), n, event.session().stepManager());
                if (compact) {
                    event.cache().compact();
                }
            }
        });
    }

    private static void keepLast(KvCache cache, int keep, NDManager manager) {
        int length = cache.length();
        if (length <= keep) {
            return;
        }
        NDIndex last = new NDIndex().addAllDim(2).addSliceDim(length - keep, length);
        NDArray k = cache.keys(manager).get(last).duplicate();
        NDArray v = cache.values(manager).get(last).duplicate();
        int[] positions = Arrays.copyOfRange(cache.positions(), length - keep, length);
        cache.replace(k, v, positions);
    }
}
