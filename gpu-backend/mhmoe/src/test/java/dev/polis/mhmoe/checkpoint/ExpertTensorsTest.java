package dev.polis.mhmoe.checkpoint;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.mhmoe.layer.MoeConfig;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint's tensors against its mhmoe block: exactly the described tensors pass; a missing one, a wrong shape,
 * an expert beyond num_experts, a projection when projections are off, and a dense tensor in an MH-MoE layer are
 * each refused, naming the tensor and the setting.
 */
class ExpertTensorsTest {

    private static final MoeConfig CONFIG = new MoeConfig(List.of(1), 2, 3, 1, 5, true, 1, 0.01, false);

    @Test
    void exactlyTheDescribedTensorsPass() {
        Map<String, long[]> tensors = described();
        assertThatCode(() -> verify(tensors)).doesNotThrowAnyException();
    }

    @Test
    void eachContradictionIsRefusedNamingTheTensorAndTheSetting() {
        Map<String, long[]> missing = described();
        missing.remove("model.layers.1.mlp.experts.2.down_proj.weight");
        assertThatThrownBy(() -> verify(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ckpt has no tensor 'model.layers.1.mlp.experts.2.down_proj.weight'");
        Map<String, long[]> extraExpert = described();
        extraExpert.put("model.layers.1.mlp.experts.3.up_proj.weight", new long[] {5, 4});
        assertThatThrownBy(() -> verify(extraExpert)).hasMessageContaining(
                "tensor 'model.layers.1.mlp.experts.3.up_proj.weight' does not fit").hasMessageContaining(
                "mhmoe.num_experts is 3");
        Map<String, long[]> otherLayer = described();
        otherLayer.put("model.layers.0.mlp.gate.weight", new long[] {3, 4});
        assertThatThrownBy(() -> verify(otherLayer)).hasMessageContaining("layer 0 is not in mhmoe.layers");
        Map<String, long[]> dense = described();
        dense.put("model.layers.1.mlp.down_proj.weight", new long[] {8, 16});
        assertThatThrownBy(() -> verify(dense)).hasMessageContaining("'model.layers.1.mlp.down_proj.weight' is a dense"
                + " feed-forward tensor");
        Map<String, long[]> shape = described();
        shape.put("model.layers.1.mlp.head_proj.weight", new long[] {8, 4});
        assertThatThrownBy(() -> verify(shape)).hasMessageContaining("'model.layers.1.mlp.head_proj.weight' has shape "
                + "[8, 4]").hasMessageContaining("needs [8, 8]");
        MoeConfig plain = new MoeConfig(List.of(1), 2, 3, 1, 5, false, 1, 0.01, false);
        assertThatThrownBy(() -> ExpertTensors.verify(plain, 8, described().keySet(), described()::get, "ckpt"))
                .hasMessageContaining("mhmoe.projections is false");
    }

    private static Map<String, long[]> described() {
        Map<String, long[]> out = new HashMap<>(ExpertTensors.shapes(CONFIG, 8, 1));
        out.put("model.layers.0.mlp.down_proj.weight", new long[] {8, 16});
        return out;
    }

    private static void verify(Map<String, long[]> tensors) {
        ExpertTensors.verify(CONFIG, 8, tensors.keySet(), tensors::get, "ckpt");
    }
}
