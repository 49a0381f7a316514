package dev.polis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.run.RunStatus;
import dev.polis.core.pipeline.RunResult;
import dev.polis.core.pipeline.TestLedger;
import dev.polis.core.run.RecordingOptions;
import dev.polis.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolisTest {

    @TempDir
    Path output;

    private Polis open(Map<String, String> environment, Map<String, String> properties) {
        return Polis.builder()
                .environment(environment)
                .systemProperties(properties)
                .recording(new RecordingOptions(Clock.systemUTC(), ProgressDisplay.silent()))
                .build();
    }

    @Test
    void runsAPipelineBuiltInCode() {
        TestLedger.reset();
        try (Polis polis = open(Map.of(), Map.of())) {
            RunResult result = polis.pipeline()
                    .environment("test.commons", Map.of("capacity", 50))
                    .agent("a1", "test.fixed", Map.of("amount", 2))
                    .agent("a2", "test.model-agent", "test.echo:3", Map.of())
                    .seed(42).steps(4).output(output).runId("code-run")
                    .run();
            assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(result.runId()).isEqualTo("code-run");
            assertThat(result.metrics()).containsEntry("reward.a1", 8.0).containsEntry("reward.a2", 12.0)
                    .containsEntry("stock", 30.0);
            assertThat(result.directory()).isEqualTo(output.resolve("code-run"));
        }
    }

    @Test
    void runsAPipelineFileWithSubstitutionAndOverrides() throws Exception {
        Path file = Files.writeString(output.resolve("pipeline.yaml"), """
                run: {steps: 2, output: "${OUT}"}
                environment: {id: test.commons}
                agents: [{id: a1, provider: test.fixed, settings: {amount: "${AMOUNT:-5}"}}]
                runtime: {device: cpu}
                """);
        Map<String, String> env = Map.of("OUT", output.toString(), "POLIS_DEVICE", "cuda:0");
        try (Polis polis = open(env, Map.of("polis.decoder", "decoder.greedy"))) {
            RunResult result = polis.run(file);
            assertThat(result.runId()).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
            assertThat(result.metrics()).containsEntry("reward.a1", 10.0);
            String resolved = Files.readString(result.directory().resolve(RunFolder.CONFIG));
            assertThat(resolved).contains("device: cuda:0").contains("decoder: decoder.greedy")
                    .contains("# override: runtime.device = cuda:0 from POLIS_DEVICE (configured: cpu)")
                    .contains("# override: runtime.decoder = decoder.greedy from -Dpolis.decoder (not configured)");
            assertThat(Files.readString(result.directory().resolve(RunFolder.INFO))).contains("POLIS_DEVICE");
        }
    }

    @Test
    void configurationMistakesAreInputErrors() throws Exception {
        Path file = Files.writeString(output.resolve("bad.yaml"), """
                environment: {id: test.commons}
                agents: [{id: a1, provider: test.fixed}]
                run: {stepz: 3}
                """);
        try (Polis polis = open(Map.of(), Map.of())) {
            assertThatThrownBy(() -> polis.run(file))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("bad.yaml:3:7: run: unknown field 'stepz' (did you mean 'steps'? "
                            + "known: id, seed, steps, output)");
        }
    }

    @Test
    void createsChatModelsBySpec() {
        try (Polis polis = open(Map.of(), Map.of()); ChatModel model = polis.chatModel("test.echo:hello")) {
            assertThat(model.chat(ChatRequest.of(Message.user("hi"))).text()).isEqualTo("hello");
            assertThatThrownBy(() -> polis.chatModel("opnai:http://x")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("opnai");
        }
    }

    @Test
    void exposesHostAndRegistry() {
        try (Polis polis = open(Map.of(), Map.of())) {
            assertThat(polis.extensions().find(EnvironmentProvider.class, "test.commons")).isPresent();
            assertThat(polis.host().options().pluginDirs()).isEmpty();
        }
    }

    @Test
    void pluginFoldersComeFromTheBuilderTheVariableOrTheLocalFolder() {
        assertThat(Polis.builder().pluginsDir(Path.of("a")).pluginsDir(Path.of("b")).resolvedPluginDirs())
                .containsExactly(Path.of("a"), Path.of("b"));
        assertThat(Polis.builder().environment(Map.of("POLIS_PLUGINS_DIR", "x" + File.pathSeparator + "y"))
                .resolvedPluginDirs()).containsExactly(Path.of("x"), Path.of("y"));
        List<Path> fallback = Polis.builder().environment(Map.of()).resolvedPluginDirs();
        assertThat(fallback).isEqualTo(Files.isDirectory(Path.of("plugins")) ? List.of(Path.of("plugins")) : List.of());
    }
}
