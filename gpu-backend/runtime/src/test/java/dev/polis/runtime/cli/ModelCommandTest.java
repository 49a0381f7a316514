package dev.polis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.TensorDType;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code polis model init} writes a checkpoint the runtime loads; {@code polis model info} describes it. */
class ModelCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(TestHost.modelCommand().newCommand());
        cli.setOut(new PrintWriter(text));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            throw e;
        });
        assertThat(cli.execute(args)).isZero();
        return text.toString();
    }

    @Test
    void initWritesALoadableSeededCheckpointAndInfoDescribesIt() throws Exception {
        Path arch = dir.resolve("arch.json");
        Files.writeString(arch, """
                {"model_type": "qwen2", "hidden_size": 48, "intermediate_size": 96, "num_hidden_layers": 2,
                 "num_attention_heads": 6, "num_key_value_heads": 2, "tie_word_embeddings": true,
                 "max_position_embeddings": 512, "dtype": "bfloat16", "seed": 3}
                """);
        Path model = dir.resolve("m");
        String written = run("init", "--arch", arch.toString(), model.toString());
        assertThat(written).contains("qwen2 2 layers, hidden 48").contains("tied embeddings").contains("qkv bias");
        for (String file : new String[] {"config.json", "generation_config.json", "model.safetensors",
                "tokenizer.json", "tokenizer_config.json"}) {
            assertThat(model.resolve(file)).exists();
        }
        try (SafetensorsFile st = SafetensorsFile.open(model.resolve("model.safetensors"))) {
            assertThat(st.find("model.layers.1.self_attn.k_proj.bias").orElseThrow().dtype()).isEqualTo(TensorDType.BF16);
            assertThat(st.find("lm_head.weight")).isEmpty();
        }
        float[] logits;
        try (TransformerLm lm = TransformerLm.load(model, LoadOptions.DEFAULTS); TransformerSession s = lm.newSession()) {
            assertThat(lm.vocabularySize()).isEqualTo(259);
            assertThat(lm.stopTokens()).contains(258);
            logits = s.appendLast(new int[] {72, 105, 33});
        }
        Path again = dir.resolve("again");
        run("init", "--arch", arch.toString(), again.toString());
        assertThat(Files.mismatch(model.resolve("model.safetensors"), again.resolve("model.safetensors"))).isEqualTo(-1);
        assertThat(logits).hasSize(259);

        String info = run("info", model.toString());
        assertThat(info).contains("qwen2 2 layers").contains("model.safetensors").contains("BF16")
                .contains("tokenizer    present");
    }
}
