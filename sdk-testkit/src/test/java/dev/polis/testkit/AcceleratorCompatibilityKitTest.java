package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accelerator kit passes an accelerator that keeps its promise and fails one that changes the output, refuses a
 * bare target with the wrong exception, and leaks its change into other models.
 */
class AcceleratorCompatibilityKitTest {

    private static final int VOCABULARY = 32;

    @Test
    void anAcceleratorThatKeepsItsPromisePasses() {
        assertThat(KitRunner.failures(Faithful.class)).isEmpty();
    }

    @Test
    void anAcceleratorThatChangesOutputAndLeaksFails() {
        assertThat(KitRunner.failures(Careless.class)).containsOnlyKeys("refusesAModelWithoutSeamsNamingIt",
                "greedyTokensAndLogitsMatchTheReference", "installingIntoOneModelLeavesAnotherUntouched");
    }

    /** The seam of the toy model: how far past the successor it predicts. */
    static final class Skip {
        int tokens;
    }

    /** {@link CountingLm} with a {@link Skip} seam; a skip applied globally makes a leak visible. */
    static final class SkippingLm implements CausalLm {
        static int globalSkip;
        final Skip skip = new Skip();
        final CountingLm counting = new CountingLm(VOCABULARY);

        @Override
        public int vocabularySize() {
            return VOCABULARY;
        }

        @Override
        public Set<Integer> stopTokens() {
            return Set.of();
        }

        @Override
        public LmSession newSession() {
            LmSession inner = counting.newSession();
            return new LmSession() {
                @Override
                public float[][] append(int[] tokens) {
                    int[] shifted = tokens.clone();
                    for (int i = 0; i < shifted.length; i++) {
                        shifted[i] = (shifted[i] + skip.tokens + globalSkip) % VOCABULARY;
                    }
                    return inner.append(shifted);
                }

                @Override
                public int length() {
                    return inner.length();
                }

                @Override
                public void crop(int newLength) {
                    inner.crop(newLength);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }

        AcceleratorTarget target() {
            return new AcceleratorTarget() {
                @Override
                public String describe() {
                    return "skipping toy model";
                }

                @Override
                public <T> Optional<T> seam(Class<T> type) {
                    return type == Skip.class ? Optional.of(type.cast(skip)) : Optional.empty();
                }
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    abstract static class ToyKit extends AcceleratorCompatibilityKit {
        @Override
        protected Subject newModel() {
            SkippingLm lm = new SkippingLm();
            return new Subject(lm, lm.target(), () -> { });
        }

        @Override
        protected CausalLm reference() {
            return new CountingLm(VOCABULARY);
        }
    }

    /** Asks for its seam, names the model when it is missing, and leaves the output as it was. */
    static class Faithful extends ToyKit {
        @Override
        protected Accelerator createAccelerator() {
            return new Accelerator() {
                @Override
                public String id() {
                    return "accelerator.faithful";
                }

                @Override
                public void install(AcceleratorTarget target, Settings settings) {
                    target.seam(Skip.class).orElseThrow(() -> new InvalidInputException(
                            "accelerator.faithful needs the Skip seam, which " + target.describe() + " lacks"));
                }
            };
        }
    }

    /** Assumes its seam exists, changes predictions, and does it for every model. */
    static class Careless extends ToyKit {
        @Override
        protected Accelerator createAccelerator() {
            return new Accelerator() {
                @Override
                public String id() {
                    return "accelerator.careless";
                }

                @Override
                public void install(AcceleratorTarget target, Settings settings) {
                    target.seam(Skip.class).orElseThrow().tokens = 0;
                    SkippingLm.globalSkip = 1;
                }
            };
        }

        @Override
        protected Subject newModel() {
            SkippingLm.globalSkip = 0;
            return super.newModel();
        }
    }
}
