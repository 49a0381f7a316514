package dev.polis.layerskip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.host.SettingsFactory;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.core.host.HostModels;
import dev.polis.core.host.HostSettingsFactory;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.runtime.cli.ModelCommandProvider;
import dev.polis.runtime.train.RecipeLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code polis layerskip bench} on a checkpoint made by {@code polis model init}. */
class LayerSkipBenchCommandTest {

    private static final SettingsFactory SETTINGS = new HostSettingsFactory(Map.of());
    private static final ExtensionRegistry NO_EXTENSIONS = new ExtensionRegistry(type -> List.of());

    @TempDir
    Path temp;

    @Test
    void calibratesThenComparesBothDecodersPromptByPrompt() throws Exception {
        Path model = tinyModel();
        Path prompts = temp.resolve("prompts.txt");
        Files.writeString(prompts, "the first prompt, long enough to be cut: one two three four five six\\n"
                + "seven eight nine ten eleven twelve\nsecond prompt\n\nthird prompt with a tab\\tinside\n");
        StringWriter out = new StringWriter();
        int code = command(out).execute("bench", "--model", model.toString(), "--prompts-file", prompts.toString(),
                "--max-tokens", "12", "--warmup", "2", "--prompt-tail", "40");
        assertThat(code).isZero();
        String text = out.toString();
        assertThat(text).contains("3 prompts, 12 tokens each")
                .containsPattern("calibration on 3 prompts, \\d+ positions")
                .contains("exit agreement by E: 1:").contains(" 3:")
                .contains("prompt  0:").contains("prompt  2:")
                .contains("identical outputs 3/3")
                .containsPattern("speed-up measured \\d+\\.\\d\\dx");
    }

    @Test
    void fixedExitAndDraftsSkipCalibration() throws Exception {
        Path model = tinyModel();
        Path prompts = temp.resolve("prompts.txt");
        Files.writeString(prompts, "only one prompt\n");
        StringWriter out = new StringWriter();
        int code = command(out).execute("bench", "--model", model.toString(), "--prompts-file", prompts.toString(),
                "--max-tokens", "6", "--warmup", "0", "--exit-layer", "2", "--draft-tokens", "3");
        assertThat(code).isZero();
        assertThat(out.toString()).doesNotContain("calibration").contains("E=2 d=3; identical outputs 1/1");
    }

    @Test
    void bothDecodersGiveTheSameTokensWithEveryStepOnPyTorch() throws Exception {
        Path model = tinyModel();
        Path prompts = temp.resolve("prompts.txt");
        Files.writeString(prompts, "only one prompt\nand a second\n");
        StringWriter out = new StringWriter();
        int code = command(out).execute("bench", "--model", model.toString(), "--prompts-file", prompts.toString(),
                "--max-tokens", "8", "--warmup", "0", "--exit-layer", "2", "--draft-tokens", "3", "--host-decode",
                "false");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("host decode off").contains("E=2 d=3; identical outputs 2/2");
    }

    @Test
    void aNegativeTailIsRefused() throws Exception {
        Path prompts = temp.resolve("prompts.txt");
        Files.writeString(prompts, "p\n");
        CommandLine line = command(new StringWriter());
        Exception[] failure = new Exception[1];
        line.setExecutionExceptionHandler((e, cl, parsed) -> {
            failure[0] = e;
            return 2;
        });
        int code = line.execute("bench", "--model", temp.toString(), "--prompts-file", prompts.toString(),
                "--prompt-tail", "-1");
        assertThat(code).isEqualTo(2);
        assertThat(failure[0]).isInstanceOf(InvalidInputException.class).hasMessageContaining("--prompt-tail");
    }

    private Path tinyModel() throws Exception {
        Path arch = temp.resolve("arch.json");
        Files.writeString(arch, """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 4,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 256,
                 "tie_word_embeddings": true, "dtype": "float32", "seed": 3}
                """);
        Path model = temp.resolve("tiny");
        CommandLine init = new CommandLine(new ModelCommandProvider(RecipeLookup.using(NO_EXTENSIONS), SETTINGS)
                .newCommand());
        init.setOut(new PrintWriter(new StringWriter()));
        assertThat(init.execute("init", "--arch", arch.toString(), model.toString())).isZero();
        return model;
    }

    private static CommandLine command(StringWriter out) {
        HostModels models = new HostModels(NO_EXTENSIONS, new InferenceOptions("cpu", null, null));
        CommandLine line = new CommandLine(new LayerSkipCommandProvider(SETTINGS, models).newCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(new StringWriter()));
        return line;
    }
}
