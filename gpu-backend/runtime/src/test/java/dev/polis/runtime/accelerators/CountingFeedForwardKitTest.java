package dev.polis.runtime.accelerators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The counting feed-forward wrapper passes the accelerator kit with a tolerance of zero against the same checkpoint
 * with nothing installed (logits identical to the last bit), and counts one call per layer per forward pass. The
 * subject and the reference both compute on PyTorch alone: a wrapped block keeps decode steps off the heap decode step,
 * which agrees with PyTorch to float32 rounding, not to the bit (HostDecodeTest).
 */
class CountingFeedForwardKitTest extends RuntimeAcceleratorKit {

    private static TransformerLm plain;

    @AfterAll
    static void closePlain() {
        if (plain != null) {
            plain.close();
            plain = null;
        }
    }

    @Override
    protected Subject newModel() {
        TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS.withHostDecode(false));
        return new Subject(lm, lm.acceleratorTarget(), lm);
    }

    @Override
    protected Accelerator createAccelerator() {
        return new CountingFeedForward();
    }

    @Override
    protected CausalLm reference() {
        if (plain == null) {
            plain = TransformerLm.load(folder, LoadOptions.DEFAULTS.withHostDecode(false));
        }
        return plain;
    }

    @Override
    protected double tolerance() {
        return 0;
    }

    @Test
    void countsOneCallPerLayerForEachForwardPass() throws Exception {
        CountingFeedForward counting = new CountingFeedForward();
        try (Subject subject = newModel()) {
            counting.install(subject.target(), TestSettings.empty());
            try (LmSession session = subject.lm().newSession()) {
                session.appendLast(new int[] {5, 6, 7, 8});
                session.appendLast(new int[] {9});
            }
        }
        assertThat(counting.calls()).as("calls after a prompt and one decode step of a 3-layer model").isEqualTo(6);
    }
}
