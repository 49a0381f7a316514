package dev.polis.runtime.accelerators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.runtime.fixtures.ReferenceLm;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * The keep-last-N cache policy passes the accelerator kit against the float64 reference with the dropped prompt keys
 * masked (spec §D.6's oracle), and its caches hold N prompt entries plus what followed.
 */
class KeepLastPolicyKitTest extends RuntimeAcceleratorKit {

    private static final int KEEP = 5;

    @Override
    protected Accelerator createAccelerator() {
        return new KeepLastPolicy();
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("keep", KEEP);
    }

    @Override
    protected CausalLm reference() {
        return ReferenceLm.keepingLast(checkpoint, KEEP);
    }

    @Test
    void everyLayerKeepsTheLastPromptEntriesOnceAndThenGrows() throws Exception {
        try (Subject subject = newModel()) {
            createAccelerator().install(subject.target(), settings());
            TransformerLm lm = (TransformerLm) subject.lm();
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11});
                session.appendLast(new int[] {12});
                session.append(new int[] {13, 14});
                for (int l = 0; l < 3; l++) {
                    assertThat(session.cache(l).positions()).as("positions kept by layer " + l)
                            .containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
                }
            }
        }
    }

    @Test
    void aKeepBelowOneIsRefusedNamingTheField() throws Exception {
        try (Subject subject = newModel()) {
            assertThatThrownBy(() -> createAccelerator().install(subject.target(), TestSettings.of("keep", 0)))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("keep:");
        }
    }
}
