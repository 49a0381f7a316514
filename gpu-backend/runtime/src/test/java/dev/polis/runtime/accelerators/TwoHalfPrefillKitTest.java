package dev.polis.runtime.accelerators;

import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.runtime.fixtures.ReferenceLm;

/** The two-half prefill strategy passes the accelerator kit against the float64 dense reference. */
class TwoHalfPrefillKitTest extends RuntimeAcceleratorKit {

    @Override
    protected Accelerator createAccelerator() {
        return new TwoHalfPrefill();
    }

    @Override
    protected CausalLm reference() {
        return ReferenceLm.causal(checkpoint);
    }
}
