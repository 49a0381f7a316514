package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe replaces feed-forward blocks of the training forward through {@link RecipePlan#install}: a pass-through
 * replacement trains bit for bit like the default path, a block that changes the output trains differently.
 */
class TrainingSeamTest {

    private static final double[] NO_DROPOUT = new double[3];
    private static final double[] LAST_LAYER = {0, 0, 1};

    @TempDir
    Path temp;

    @Test
    void aPassThroughBlockInEveryLayerTrainsBitForBitLikeTheDefaultPath() {
        TinyRun tiny = new TinyRun(temp);
        TrainingResult plain = tiny.trainer().train(tiny.out("plain"), tiny.arch, tiny.options(4), false,
                Long.MAX_VALUE);
        TrainingResult wrapped = train(tiny, "wrapped", 4, seam -> {
            for (int l = 0; l < seam.config().layers(); l++) {
                seam.replace(l, current -> (x, pass) -> current.apply(x, pass));
            }
        });
        assertThat(wrapped.losses()).hasSize(4).containsExactlyElementsOf(plain.losses());
        assertThat(weights(tiny.out("wrapped"))).isEqualTo(weights(tiny.out("plain")));
    }

    @Test
    void aBlockThatScalesItsOutputTrainsDifferently() {
        TinyRun tiny = new TinyRun(temp);
        TrainingResult plain = tiny.trainer().train(tiny.out("plain"), tiny.arch, tiny.options(3), false,
                Long.MAX_VALUE);
        TrainingResult scaled = train(tiny, "scaled", 3, seam -> seam.replace(1, current -> (x, pass) ->
                current.apply(x, pass).mul(GraphScalar.of(x, 2f))));
        assertThat(scaled.losses().get(0)).isNotEqualTo(plain.losses().get(0));
        assertThat(scaled.losses().get(2)).isNotEqualTo(plain.losses().get(2));
        assertThat(weights(tiny.out("scaled"))).isNotEqualTo(weights(tiny.out("plain")));
    }

    private static TrainingResult train(TinyRun tiny, String id, long steps, Consumer<TrainingSeam> install) {
        TrainingRecipe recipe = new FixedRecipe(id, NO_DROPOUT, LAST_LAYER, install);
        return tiny.trainer(recipe).train(tiny.out(id), tiny.arch, tiny.options(steps).withRecipe(id, Map.of()),
                false, Long.MAX_VALUE);
    }

    private static float[][] weights(Path out) {
        try (SafetensorsFile f = SafetensorsFile.open(out.resolve("final").resolve("model.safetensors"))) {
            return f.tensors().keySet().stream().sorted().map(f::readFloats).toArray(float[][]::new);
        }
    }
}
