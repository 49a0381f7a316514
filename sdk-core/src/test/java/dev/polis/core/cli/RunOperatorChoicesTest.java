package dev.polis.core.cli;

import static dev.polis.core.cli.CliRun.polis;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.core.pipeline.TestCaptureModelProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that {@code polis run} hands the operator's {@code POLIS_DEVICE}, {@code POLIS_DECODER},
 * {@code POLIS_ACCELERATORS} and {@code -Dpolis.*} choices, and the pipeline's {@code runtime.settings}, to the
 * model of an agent.
 */
class RunOperatorChoicesTest {

    private static final List<String> PROPERTIES = List.of("polis.device", "polis.decoder", "polis.accelerators");

    @TempDir
    Path dir;

    private Path pipeline;

    @BeforeEach
    void writePipeline() throws Exception {
        TestCaptureModelProvider.REQUESTS.clear();
        pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
                run: {id: r1, steps: 1, output: "%s"}
                environment: {id: test.commons}
                agents:
                  - {id: a1, provider: test.model-agent, model: "test.capture:m"}
                runtime:
                  device: cpu
                  settings: {decoder.x: {k: 1}}
                """.formatted(dir.resolve("runs").toString().replace("\\", "/")));
        Files.createDirectories(dir.resolve("plugins"));
    }

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    private InferenceOptions run(Map<String, String> environment) {
        CliRun run = polis(environment, "--plugins-dir", dir.resolve("plugins").toString(), "run", pipeline.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(TestCaptureModelProvider.REQUESTS).as("model requests").hasSize(1);
        return TestCaptureModelProvider.REQUESTS.get(0).inference();
    }

    @Test
    void environmentVariablesReachTheModel() {
        InferenceOptions inference = run(Map.of("POLIS_DEVICE", "cuda:3", "POLIS_DECODER", "decoder.x",
                "POLIS_ACCELERATORS", "accelerator.a, accelerator.b"));

        assertThat(inference.device()).as("device configured cpu, POLIS_DEVICE cuda:3").isEqualTo("cuda:3");
        assertThat(inference.decoder()).isEqualTo("decoder.x");
        assertThat(inference.accelerators()).containsExactly("accelerator.a", "accelerator.b");
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        System.setProperty("polis.device", "cuda:7");
        System.setProperty("polis.decoder", "decoder.y");
        System.setProperty("polis.accelerators", "");

        InferenceOptions inference = run(Map.of("POLIS_DEVICE", "cuda:3", "POLIS_DECODER", "decoder.x",
                "POLIS_ACCELERATORS", "accelerator.a"));

        assertThat(inference.device()).isEqualTo("cuda:7");
        assertThat(inference.decoder()).isEqualTo("decoder.y");
        assertThat(inference.accelerators()).as("-Dpolis.accelerators= asks for none").isEmpty();
    }

    @Test
    void withoutOverridesTheConfigurationAndItsSettingsReachTheModel() {
        InferenceOptions inference = run(Map.of());

        assertThat(inference.device()).isEqualTo("cpu");
        assertThat(inference.decoder()).as("decoder neither configured nor overridden").isNull();
        assertThat(inference.settingsOf("decoder.x")).isEqualTo(Map.of("k", 1));
    }
}
