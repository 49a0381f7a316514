package dev.polis.mhmoe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis mhmoe init} through the real command line: it writes the block's tensors in place of the dense
 * feed-forward tensors of the MH-MoE layers, counting the parameters exactly, and a head count that does not divide
 * the hidden size, or a top-k above the expert count, exits with status 2 naming the setting and writes nothing.
 */
class MhMoeInitCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheExpertTensorsInPlaceOfTheDenseBlockAndCountsTheParameters() {
        Path arch = Polis.arch(temp, "arch.json", "\"heads\": 3, \"num_experts\": 4, \"top_k\": 2, "
                + "\"expert_intermediate_size\": 16, \"layers\": [1]");
        Path model = temp.resolve("mh");
        Polis.Run run = new Polis(temp).run(Map.of(), "mhmoe", "init", "--arch", arch.toString(), model.toString());
        assertThat(run.status()).as(run.err()).isZero();
        // dense model (vocab 259 + specials): the dense block of layer 1 (3 · 24 · 48 = 3,456) gives way to
        // head + merge 2 · (24² + 24) = 1,200, router 4 · 8 = 32, experts 4 · 3 · 8 · 16 = 1,536: 2,768 per layer
        assertThat(run.out()).contains("MH-MoE h=3, 4 experts of 16, top-2, head/merge projections, layers [1]")
                .contains("MH-MoE blocks 2,768, 2,768 per layer");
        try (SafetensorsFile file = SafetensorsFile.open(model.resolve("model.safetensors"))) {
            assertThat(file.tensors().keySet()).contains("model.layers.0.mlp.down_proj.weight",
                    "model.layers.1.mlp.head_proj.weight", "model.layers.1.mlp.gate.weight",
                    "model.layers.1.mlp.experts.3.down_proj.weight")
                    .doesNotContain("model.layers.1.mlp.down_proj.weight", "model.layers.0.mlp.gate.weight");
            assertThat(file.tensors().get("model.layers.1.mlp.experts.3.down_proj.weight").shape())
                    .containsExactly(8, 16);
            assertThat(file.readFloats("model.layers.1.mlp.head_proj.bias")).containsOnly(0f);
        }
    }

    @Test
    void aHeadCountThatDoesNotDivideTheHiddenSizeExitsWithStatusTwoNamingIt() {
        Path arch = Polis.arch(temp, "bad.json", "\"heads\": 5, \"num_experts\": 4, \"expert_intermediate_size\": 16");
        Polis.Run run = new Polis(temp).run(Map.of(), "mhmoe", "init", "--arch", arch.toString(),
                temp.resolve("m").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("bad.json: mhmoe.heads 5 does not divide hidden_size 24")
                .contains("use a divisor (1, 2, 3, 4, 6, 8, 12");
        assertThat(temp.resolve("m")).doesNotExist();
    }

    @Test
    void aTopKAboveTheExpertCountExitsWithStatusTwoNamingIt() {
        Path arch = Polis.arch(temp, "bad.json", "\"heads\": 2, \"num_experts\": 4, \"top_k\": 5, "
                + "\"expert_intermediate_size\": 16");
        Polis.Run run = new Polis(temp).run(Map.of(), "mhmoe", "init", "--arch", arch.toString(),
                temp.resolve("m").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("mhmoe.top_k 5 is above mhmoe.num_experts 4");
    }
}
