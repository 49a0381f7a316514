package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import dev.polis.runtime.checkpoint.TensorDType;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compares the runtime's logits with an independent float64 forward pass, for several architectures and dtypes. */
class ReferenceLogitsTest {

    static final int[] PROMPT = {1, 5, 9, 17, 3, 33, 8, 21, 4, 12, 30, 2};

    static Stream<Arguments> checkpoints() {
        TinyCheckpoint llamaGqa = new TinyCheckpoint();
        TinyCheckpoint qwen = new TinyCheckpoint();
        qwen.modelType = "qwen2";
        qwen.qkvBias = true;
        qwen.tied = true;
        qwen.kvHeads = 1;
        qwen.dtype = TensorDType.F16;
        TinyCheckpoint mistral = new TinyCheckpoint();
        mistral.modelType = "mistral";
        mistral.kvHeads = 4;
        mistral.dtype = TensorDType.BF16;
        mistral.layers = 3;
        TinyCheckpoint llama3 = new TinyCheckpoint();
        llama3.hidden = 64;
        llama3.heads = 4;
        llama3.ropeTheta = 500000;
        llama3.llama3Scaling = new double[] {8, 1, 4, 64};
        llama3.dtype = TensorDType.BF16;
        return Stream.of(Arguments.of("llama, GQA 4/2, f32", llamaGqa),
                Arguments.of("qwen2, qkv bias, tied, MQA, f16", qwen),
                Arguments.of("mistral, untied, MHA, bf16", mistral),
                Arguments.of("llama 3 rope scaling, bf16", llama3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void promptLogitsMatchTheFloat64Reference(String label, TinyCheckpoint checkpoint, @TempDir Path dir) {
        checkpoint.writeTo(dir);
        double[][] expected = new ReferenceForward(checkpoint).logits(PROMPT);
        try (TransformerLm lm = TransformerLm.load(dir, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession()) {
            float[][] actual = session.append(PROMPT);
            assertClose(actual, expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void tokenByTokenDecodingMatchesTheReference(String label, TinyCheckpoint checkpoint, @TempDir Path dir) {
        checkpoint.writeTo(dir);
        double[][] expected = new ReferenceForward(checkpoint).logits(PROMPT);
        try (TransformerLm lm = TransformerLm.load(dir, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession()) {
            float[][] actual = new float[PROMPT.length][];
            actual[0] = session.appendLast(new int[] {PROMPT[0], PROMPT[1], PROMPT[2]});
            float[][] firstThree = new float[][] {null, null, actual[0]};
            for (int t = 3; t < PROMPT.length; t++) {
                actual[t] = session.append(new int[] {PROMPT[t]})[0];
            }
            assertClose(new float[][] {firstThree[2]}, new double[][] {expected[2]});
            for (int t = 3; t < PROMPT.length; t++) {
                assertClose(new float[][] {actual[t]}, new double[][] {expected[t]});
            }
        }
    }

    static void assertClose(float[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        double worst = 0;
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).hasSize(expected[t].length);
            for (int i = 0; i < expected[t].length; i++) {
                worst = Math.max(worst, Math.abs(actual[t][i] - expected[t][i]));
            }
        }
        assertThat(worst).as("largest logit difference from the float64 reference").isLessThan(1e-4);
    }
}
