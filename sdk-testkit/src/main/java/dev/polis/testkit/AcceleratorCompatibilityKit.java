package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;
import org.apiguardian.api.API;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of an {@link Accelerator} on a real model: it installs through the seams its target offers,
 * refuses a target without them with an {@link InvalidInputException} that names the model, and the installed model
 * then computes what the accelerator promises, given as a reference model (the same model for a lossless accelerator,
 * a model with the dropped keys masked for a cache policy): greedy tokens identical, logits within
 * {@link #tolerance()}, through the prompt path ({@code appendLast}), decode steps, and crop-and-resume. Installing
 * into one model leaves another untouched.
 *
 * <p>Supply the model through {@link #newModel()} (a fresh one per call: the kit installs into it) and the reference
 * through {@link #reference()}. An accelerator made of several (installed together, in order) is tested the same way
 * against the reference of the combination.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class AcceleratorCompatibilityKit extends ExtensionCompatibilityKit<Accelerator> {

    /**
     * A model the kit installs into.
     *
     * @param lm        the model as decoders see it
     * @param target    the same model as accelerators see it
     * @param resources closed when the test is done with the model (may be the model itself)
     */
    public record Subject(CausalLm lm, AcceleratorTarget target, AutoCloseable resources) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    /** Returns a new instance of the accelerator under test. */
    protected abstract Accelerator createAccelerator();

    /** Returns a fresh model, nothing installed, on which the accelerator must work. */
    protected abstract Subject newModel();

    /** Returns the model the installed one must match (greedy tokens, logits within {@link #tolerance()}). */
    protected abstract CausalLm reference();

    @Override
    protected final Accelerator createExtension() {
        return createAccelerator();
    }

    /** Returns the settings block the accelerator is installed with; empty unless overridden. */
    protected Settings settings() {
        return TestSettings.empty();
    }

    /** Returns how far a logit may stray from the reference's; {@code 1e-4} unless overridden. */
    protected double tolerance() {
        return 1e-4;
    }

    /** Returns the prompts, each of at least two tokens; two of 12 and 7 tokens unless overridden. */
    protected List<int[]> prompts() {
        return List.of(new int[] {3, 17, 8, 22, 5, 9, 30, 2, 14, 6, 11, 4}, new int[] {12, 7, 25, 3, 19, 8, 1});
    }

    /** Returns how many tokens each greedy comparison decodes after the prompt; 10 unless overridden. */
    protected int decodeSteps() {
        return 10;
    }

    @Test
    public void installsIntoAModelThatOffersItsSeams() throws Exception {
        try (Subject subject = newModel()) {
            createAccelerator().install(subject.target(), settings());
            try (LmSession session = subject.lm().newSession()) {
                assertThat(session.appendLast(prompts().get(0))).as("logits after installing")
                        .hasSize(subject.lm().vocabularySize());
            }
        }
    }

    @Test
    public void refusesAModelWithoutSeamsNamingIt() {
        AcceleratorTarget bare = new AcceleratorTarget() {
            @Override
            public String describe() {
                return "a model with no seams (kit)";
            }

            @Override
            public <T> Optional<T> seam(Class<T> type) {
                return Optional.empty();
            }
        };
        assertThatThrownBy(() -> createAccelerator().install(bare, settings()))
                .as("install into a target that offers no seam")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(bare.describe());
    }

    @Test
    public void greedyTokensAndLogitsMatchTheReference() throws Exception {
        CausalLm reference = reference();
        try (Subject subject = installed()) {
            for (int[] prompt : prompts()) {
                Trace expected = greedy(reference, prompt);
                Trace actual = greedy(subject.lm(), prompt);
                assertThat(actual.tokens).as("greedy tokens after %d-token prompt", prompt.length)
                        .containsExactlyElementsOf(expected.tokens);
                assertClose(actual.logits, expected.logits, "prompt of " + prompt.length + " tokens");
            }
        }
    }

    @Test
    public void croppingAndResumingGivesTheSameLogits() throws Exception {
        try (Subject subject = installed(); LmSession session = subject.lm().newSession()) {
            int[] prompt = prompts().get(0);
            Trace first = greedy(session, prompt, decodeSteps());
            session.crop(prompt.length + 1);
            assertThat(session.length()).as("length after crop").isEqualTo(prompt.length + 1);
            List<float[]> again = new ArrayList<>();
            for (int i = 1; i < decodeSteps() - 1; i++) {
                again.add(session.appendLast(new int[] {first.tokens.get(i)}));
            }
            assertClose(again, first.logits.subList(2, first.logits.size()), "steps decoded again after a crop");
        }
    }

    @Test
    public void installingIntoOneModelLeavesAnotherUntouched() throws Exception {
        try (Subject other = newModel()) {
            Trace before = greedy(other.lm(), prompts().get(0));
            try (Subject subject = installed()) {
                greedy(subject.lm(), prompts().get(0));
            }
            Trace after = greedy(other.lm(), prompts().get(0));
            assertThat(after.tokens).as("tokens of a model nothing was installed into").isEqualTo(before.tokens);
            assertClose(after.logits, before.logits, "a model nothing was installed into");
        }
    }

    private Subject installed() {
        Subject subject = newModel();
        createAccelerator().install(subject.target(), settings());
        return subject;
    }

    private Trace greedy(CausalLm model, int[] prompt) {
        try (LmSession session = model.newSession()) {
            return greedy(session, prompt, decodeSteps());
        }
    }

    /** Prefills {@code prompt}, then decodes {@code steps} greedy tokens; logits[i] chose tokens[i]. */
    private static Trace greedy(LmSession session, int[] prompt, int steps) {
        Trace trace = new Trace();
        float[] logits = session.appendLast(prompt);
        for (int i = 0; i < steps; i++) {
            int token = argmax(logits);
            trace.tokens.add(token);
            trace.logits.add(logits);
            if (i + 1 < steps) {
                logits = session.appendLast(new int[] {token});
            }
        }
        return trace;
    }

    private void assertClose(List<float[]> actual, List<float[]> expected, String what) {
        assertThat(actual).as(what + ": rows").hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            float[] a = actual.get(i);
            float[] e = expected.get(i);
            assertThat(a).as(what + ": row " + i + " width").hasSameSizeAs(e);
            for (int v = 0; v < a.length; v++) {
                assertThat((double) a[v]).as("%s: logit %d of step %d", what, v, i)
                        .isCloseTo(e[v], Offset.offset(tolerance() * Math.max(1, Math.abs(e[v]))));
            }
        }
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The tokens of a greedy run and the logits each was chosen from. */
    private static final class Trace {
        final List<Integer> tokens = new ArrayList<>();
        final List<float[]> logits = new ArrayList<>();
    }
}
