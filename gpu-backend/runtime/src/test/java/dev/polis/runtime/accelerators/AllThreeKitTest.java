package dev.polis.runtime.accelerators;

import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.runtime.fixtures.ReferenceLm;
import dev.polis.testkit.TestSettings;

/**
 * The three test accelerators installed together (counting feed-forward, keep-last-4 cache, two-half prefill) pass
 * the accelerator kit against the float64 reference with the dropped keys masked: the policy fires once after the
 * whole prompt, although the prefill strategy appends it in two pieces.
 */
class AllThreeKitTest extends RuntimeAcceleratorKit {

    @Override
    protected Accelerator createAccelerator() {
        return ComposedAccelerator.allThree();
    }

    @Override
    protected Settings settings() {
        return TestSettings.empty();
    }

    @Override
    protected CausalLm reference() {
        return ReferenceLm.keepingLast(checkpoint, 4);
    }

    /** The composite only stands in for the host installing the three one by one; no plugin ever loads it. */
    @Override
    protected boolean requiresExtensionAnnotation() {
        return false;
    }
}
