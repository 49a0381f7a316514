package dev.polis.runtime.accelerators;

import java.util.concurrent.atomic.AtomicLong;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.runtime.seam.FeedForward;
import dev.polis.runtime.seam.FeedForwardSeam;
import org.pf4j.Extension;

/**
 * A test accelerator on the feed-forward seam: wraps every layer's block (whatever is installed) and counts its
 * calls, changing nothing it computes, so logits stay identical to the last bit.
 */
@Extension
public final class CountingFeedForward implements Accelerator {

    /** The accelerator's id. */
    public static final String ID = "accelerator.test-counting-ffn";

    private final AtomicLong calls = new AtomicLong();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "test accelerator: counts feed-forward calls, computes nothing differently";
    }

    /** Returns the calls of the wrapped blocks since install, over every layer. */
    public long calls() {
        return calls.get();
    }

    @Override
    public void install(AcceleratorTarget target, Settings settings) {
        FeedForwardSeam seam = Seams.require(target, FeedForwardSeam.class, ID);
        InstallLog.ORDER.add(ID);
        for (int layer = 0; layer < seam.layers(); layer++) {
            seam.replace(layer, inner -> (FeedForward) x -> {
                calls.incrementAndGet();
                return inner.apply(x);
            });
        }
    }
}
