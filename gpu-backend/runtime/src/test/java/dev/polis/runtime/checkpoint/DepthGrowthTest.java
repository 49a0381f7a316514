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

/** {@code polis model grow}: an expanded checkpoint computes what its source does; a stacked one repeats its layers. */
class DepthGrowthTest {

    @TempDir
    Path dir;

    private static final int[] PROMPT = {3, 17, 5, 29, 11, 2, 8, 31, 14};

    @Test
    void theGrownModelGivesTheSourcesLogitsToTheLastBit() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.layers = 3;
        Path source = tiny.writeTo(dir.resolve("source"));
        ModelConfig grown = DepthGrowth.write(source, 7, dir.resolve("grown"));
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
        DepthGrowth.write(source, 4, dir.resolve("grown"));
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
    void stackingRepeatsEverySourceLayerInOrderWithEveryTensorKept() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.modelType = "qwen2";
        tiny.qkvBias = true;
        Path source = tiny.writeTo(dir.resolve("source"));
        ModelConfig grown = DepthGrowth.write(source, 5, GrowthMethod.STACK, dir.resolve("stacked"));
        assertThat(grown.layers()).isEqualTo(5);
        try (SafetensorsFile st = SafetensorsFile.open(dir.resolve("stacked/model.safetensors"))) {
            assertThat(st.tensors()).hasSize(3 + 5 * 12);
            for (int layer = 0; layer < 5; layer++) {
                for (String part : List.of("self_attn.q_proj.weight", "self_attn.k_proj.bias", "self_attn.o_proj.weight",
                        "mlp.down_proj.weight", "input_layernorm.weight")) {
                    assertThat(st.readFloats("model.layers." + layer + "." + part)).as(layer + " " + part)
                            .containsExactly(tiny.weights.get("model.layers." + (layer % 2) + "." + part));
                }
            }
        }
    }

    @Test
    void aStackedModelComputesSomethingElseThanItsSourceAndAnExpandedOneDoesNot() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        Path source = tiny.writeTo(dir.resolve("source"));
        DepthGrowth.write(source, 4, GrowthMethod.STACK, dir.resolve("stacked"));
        DepthGrowth.write(source, 4, GrowthMethod.EXPAND, dir.resolve("expanded"));
        assertThat(logits(dir.resolve("stacked"))).isNotEqualTo(logits(source));
        assertThat(logits(dir.resolve("expanded"))).containsExactly(logits(source));
    }

    @Test
    void insertingPutsTheZeroOutputCopiesBeforeTheLastLayerAndKeepsTheSourcesLogits() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.layers = 3;
        Path source = tiny.writeTo(dir.resolve("source"));
        DepthGrowth.write(source, 6, GrowthMethod.INSERT, dir.resolve("inserted"));
        assertThat(logits(dir.resolve("inserted"))).containsExactly(logits(source));
        try (SafetensorsFile st = SafetensorsFile.open(dir.resolve("inserted/model.safetensors"))) {
            assertThat(st.readFloats("model.layers.5.mlp.down_proj.weight"))
                    .containsExactly(tiny.weights.get("model.layers.2.mlp.down_proj.weight"));
            assertThat(st.readFloats("model.layers.1.self_attn.o_proj.weight"))
                    .containsExactly(tiny.weights.get("model.layers.1.self_attn.o_proj.weight"));
            for (int layer = 2; layer < 5; layer++) {
                assertThat(st.readFloats("model.layers." + layer + ".self_attn.o_proj.weight")).containsOnly(0f);
                assertThat(st.readFloats("model.layers." + layer + ".self_attn.k_proj.weight"))
                        .containsExactly(tiny.weights.get("model.layers.2.self_attn.k_proj.weight"));
            }
        }
    }

    @Test
    void stackingCopiesATensorThatExpansionWouldRefuse() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        Path source = withRouter(tiny, dir.resolve("source"));
        DepthGrowth.write(source, 4, GrowthMethod.STACK, dir.resolve("stacked"));
        try (SafetensorsFile st = SafetensorsFile.open(dir.resolve("stacked/model.safetensors"))) {
            assertThat(st.find("model.layers.3.mlp.router.weight")).isPresent();
            assertThat(st.find("model.layers.2.mlp.router.weight")).isEmpty();
        }
    }

    @Test
    void anUnknownMethodIsAUserErrorThatNamesTheChoices() {
        Path source = new TinyCheckpoint().writeTo(dir.resolve("source"));
        assertThatThrownBy(() -> GrowthMethod.parse("deepen", "--method")).isInstanceOf(InvalidInputException.class)
                .hasMessage("--method must be one of [expand, stack, insert] but was 'deepen'");
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", "--method", "deepen",
                dir.resolve("g").toString())).isEqualTo(2);
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", "--method", "STACK",
                dir.resolve("g").toString())).isZero();
    }

    @Test
    void aDepthThatDoesNotGrowAnAlreadyWrittenFolderOrAnUnknownTensorIsAUserError() {
        TinyCheckpoint tiny = new TinyCheckpoint();
        Path source = tiny.writeTo(dir.resolve("source"));
        assertThatThrownBy(() -> DepthGrowth.write(source, 2, dir.resolve("same")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--layers 2")
                .hasMessageContaining("already has 2 layers");
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", source.toString())).isEqualTo(2);
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", dir.resolve("g").toString())).isZero();
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", dir.resolve("g").toString())).isEqualTo(2);
        assertThat(cli("grow", "--from", source.toString(), "--layers", "3", "--force", dir.resolve("g").toString()))
                .isZero();

        withRouter(tiny, source);
        assertThatThrownBy(() -> DepthGrowth.write(source, 4, dir.resolve("moe")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model.layers.1.mlp.router.weight")
                .hasMessageContaining("cannot grow");
    }

    /** Rewrites the checkpoint's weights with a tensor in layer 1 that no Llama block has. */
    private static Path withRouter(TinyCheckpoint tiny, Path source) {
        if (!java.nio.file.Files.isDirectory(source)) {
            tiny.writeTo(source);
        }
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        tiny.weights.forEach((name, values) -> entries.add(
                new SafetensorsWriter.Entry(name, TensorDType.F32, tiny.shapes.get(name), TensorContent.of(values))));
        entries.add(new SafetensorsWriter.Entry("model.layers.1.mlp.router.weight", TensorDType.F32, new long[] {4},
                TensorContent.of(new float[4])));
        SafetensorsWriter.write(source.resolve("model.safetensors"), entries, Map.of("format", "pt"));
        return source;
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
