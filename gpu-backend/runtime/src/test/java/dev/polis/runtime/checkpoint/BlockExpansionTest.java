package dev.polis.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code polis model grow}: a grown checkpoint computes what its source does, with its new blocks in place. */
class BlockExpansionTest {

    @TempDir
    Path dir;

    private static final int[] PROMPT = {3, 17, 5, 29, 11, 2, 8, 31, 14};

    @Test
    void theGrownModelGivesTheSourcesLogitsToTheLastBit() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.layers = 3;
        Path source = tiny.writeTo(dir.resolve("source"));
        ModelConfig grown = BlockExpansion.write(source, 7, dir.resolve("grown"));
        assertThat(grown.layers()).isEqualTo(7);
        assertThat(logits(dir.resolve("grown"))).containsExactly(logits(source));
    }

    @Test
    void newBlocksCopyTheLastLayerAndZeroOnlyTheirOutputProjectionsInTheSourcesElementType() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.modelType = "qwen2";
        tiny.qkvBias = true;
        tiny.dtype = TensorDType.BF16;
        Path source = tiny.writeTo(dir.resolve("source"));
        BlockExpansion.write(source, 4, dir.resolve("grown"));
        try (SafetensorsFile st = SafetensorsFile.open(dir.resolve("grown/model.safetensors"))) {
            assertThat(st.tensors()).hasSize(3 + 4 * 12);
            for (String part : List.of("input_layernorm.weight", "self_attn.q_proj.weight", "self_attn.k_proj.bias",
                    "self_attn.v_proj.weight", "post_attention_layernorm.weight", "mlp.gate_proj.weight",
                    "mlp.up_proj.weight")) {
                assertThat(st.readFloats("model.layers.3." + part)).as(part)
                        .containsExactly(tiny.weights.get("model.layers.1." + part));
            }
            for (String part : List.of("self_attn.o_proj.weight", "mlp.down_proj.weight")) {
                assertThat(st.find("model.layers.2." + part).orElseThrow().dtype()).isEqualTo(TensorDType.BF16);
                float[] values = st.readFloats("model.layers.2." + part);
                assertThat(values).as(part).containsOnly(0f);
                assertThat(st.readFloats("model.layers.1." + part)).containsExactly(tiny.weights.get("model.layers.1." + part));
            }
        }
        assertThat(ConfigReader.readTree(dir.resolve("grown/config.json")).get("model_type").asText()).isEqualTo("qwen2");
    }

    @Test
    void aDepthThatDoesNotGrowAnAlreadyWrittenFolderOrAnUnknownTensorIsAUserError() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        Path source = tiny.writeTo(dir.resolve("source"));
        assertThatThrownBy(() -> BlockExpansion.write(source, 2, dir.resolve("same")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--layers 2")
                .hasMessageContaining("already has 2 layers");
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", source.toString())).isEqualTo(2);
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", dir.resolve("g").toString())).isZero();
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", dir.resolve("g").toString())).isEqualTo(2);
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", "--force", dir.resolve("g").toString()))
                .isZero();

        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        tiny.weights.forEach((name, values) -> entries.add(
                new SafetensorsWriter.Entry(name, TensorDType.F32, tiny.shapes.get(name), TensorContent.of(values))));
        entries.add(new SafetensorsWriter.Entry("model.layers.1.mlp.router.weight", TensorDType.F32, new long[] {4},
                TensorContent.of(new float[4])));
        SafetensorsWriter.write(source.resolve("model.safetensors"), entries, Map.of("format", "pt"));
        assertThatThrownBy(() -> BlockExpansion.write(source, 4, dir.resolve("moe")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model.layers.1.mlp.router.weight")
                .hasMessageContaining("cannot grow");
    }

    private static float[] logits(Path model) {
        try (TransformerLm lm = TransformerLm.load(model, LoadOptions.DEFAULTS); TransformerSession s = lm.newSession()) {
            return s.appendLast(PROMPT);
        }
    }

    private static int cli(String... args) {
        CommandLine cli = new CommandLine(TestHost.modelCommand().newCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.setExecutionExceptionHandler((e, c, p) -> e instanceof InvalidInputException ? 2 : 1);
        return cli.execute(args);
    }
}
