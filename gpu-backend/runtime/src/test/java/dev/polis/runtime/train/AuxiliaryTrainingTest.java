package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through {@code polis model train}'s trainer, a recipe's auxiliary loss is part of each step's reported loss and
 * trains the weight the recipe added, which the checkpoint carries, so an interrupted run resumes bit for bit.
 * The recipe adds {@code s · mean(x²)} at layer 0's feed-forward block ({@code s} its own weight, 0.5 at first).
 */
class AuxiliaryTrainingTest {

    private static final String SCALE = "model.layers.0.mlp.test_balance_scale";

    @TempDir
    Path temp;

    @Test
    void theAuxiliaryLossIsInTheStepLossAndItsWeightTrainsAndResumes() {
        TinyRun tiny = new TinyRun(temp);
        TrainingResult plain = tiny.trainer().train(tiny.out("plain"), tiny.arch, tiny.options(4), false,
                Long.MAX_VALUE);
        double[] firstMeanSquare = new double[1];
        TrainingRecipe balance = recipe(firstMeanSquare);
        TrainingOptions options = tiny.options(4).withRecipe("balance", Map.of());
        TrainingResult straight = tiny.trainer(balance).train(tiny.out("straight"), tiny.arch, options, false,
                Long.MAX_VALUE);
        assertThat(straight.losses().get(0)).isCloseTo(plain.losses().get(0) + 0.5 * firstMeanSquare[0],
                within(1e-5));
        assertThat(tiny.logText.toString()).contains("(aux balance ");
        float trained = scale(tiny.out("straight"));
        assertThat(trained).isNotEqualTo(0.5f);

        TrainingResult first = tiny.trainer(balance).train(tiny.out("split"), tiny.arch, options, false, 2);
        TrainingResult second = tiny.trainer(balance).train(tiny.out("split"), null, options, true, Long.MAX_VALUE);
        assertThat(first.losses()).containsExactlyElementsOf(straight.losses().subList(0, 2));
        assertThat(second.losses()).containsExactlyElementsOf(straight.losses().subList(2, 4));
        assertThat(scale(tiny.out("split"))).isEqualTo(trained);
    }

    /** A recipe that adds {@code s · mean(x²)} at layer 0 and records its mean square at the first step. */
    private static TrainingRecipe recipe(double[] firstMeanSquare) {
        return new FixedRecipe("balance", new double[3], new double[] {0, 0, 1}, seam -> {
            NDArray s = seam.addParameter(SCALE, seam.manager().create(new float[] {0.5f}), false);
            seam.replace(0, current -> (x, pass) -> {
                NDArray meanSquare = x.square().mean();
                if (pass.training() && pass.step() == 0) {
                    firstMeanSquare[0] = meanSquare.getFloat();
                }
                pass.addLoss("balance", s.mul(meanSquare));
                return current.apply(x, pass);
            });
        });
    }

    private static float scale(Path out) {
        try (SafetensorsFile file = SafetensorsFile.open(out.resolve("final").resolve("model.safetensors"))) {
            return file.readFloats(SCALE)[0];
        }
    }
}
