package dev.polis.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.run.RunStatus;
import dev.polis.core.pipeline.TestCaptureModelProvider;
import dev.polis.core.run.RecordingOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the Java API ({@code Polis.builder().environment(...).systemProperties(...)}) hands the operator's
 * {@code POLIS_DEVICE}, {@code POLIS_DECODER}, {@code POLIS_ACCELERATORS} and {@code -Dpolis.*} choices, and a
 * pipeline's {@code runtime.settings}, to models, in pipelines and outside them.
 */
class PolisOperatorChoicesTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("POLIS_DEVICE", "cuda:3",
            "POLIS_DECODER", "decoder.x", "POLIS_ACCELERATORS", "accelerator.a,accelerator.b");

    @TempDir
    Path dir;

    @BeforeEach
    void forget() {
        TestCaptureModelProvider.REQUESTS.clear();
    }

    private static Polis open(Map<String, String> environment, Map<String, String> properties) {
        return Polis.builder().environment(environment).systemProperties(properties)
                .recording(new RecordingOptions(Clock.systemUTC(), ProgressDisplay.silent())).build();
    }

    private InferenceOptions runPipeline(Polis polis) throws Exception {
        Path file = Files.writeString(dir.resolve("pipeline.yaml"), """
                run: {steps: 1, output: "%s"}
                environment: {id: test.commons}
                agents: [{id: a1, provider: test.model-agent, model: "test.capture:m"}]
                runtime: {device: cpu, settings: {decoder.x: {k: 1}}}
                """.formatted(dir.resolve("runs").toString().replace("\\", "/")));
        assertThat(polis.run(file).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(TestCaptureModelProvider.REQUESTS).as("model requests").hasSize(1);
        return TestCaptureModelProvider.REQUESTS.get(0).inference();
    }

    @Test
    void environmentVariablesReachTheModelOfAPipeline() throws Exception {
        try (Polis polis = open(ENVIRONMENT, Map.of())) {
            InferenceOptions inference = runPipeline(polis);
            assertThat(inference.device()).as("device configured cpu, POLIS_DEVICE cuda:3").isEqualTo("cuda:3");
            assertThat(inference.decoder()).isEqualTo("decoder.x");
            assertThat(inference.accelerators()).containsExactly("accelerator.a", "accelerator.b");
            assertThat(inference.settingsOf("decoder.x")).isEqualTo(Map.of("k", 1));
        }
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() throws Exception {
        Map<String, String> properties = Map.of("polis.device", "cuda:7", "polis.decoder", "decoder.y",
                "polis.accelerators", "accelerator.c");
        try (Polis polis = open(ENVIRONMENT, properties)) {
            InferenceOptions inference = runPipeline(polis);
            assertThat(inference.device()).isEqualTo("cuda:7");
            assertThat(inference.decoder()).isEqualTo("decoder.y");
            assertThat(inference.accelerators()).containsExactly("accelerator.c");
        }
    }

    @Test
    void modelsMadeOutsideAPipelineGetTheOperatorsChoices() {
        try (Polis polis = open(ENVIRONMENT, Map.of("polis.decoder", "decoder.y"));
             ChatModel byService = polis.models().chat("test.capture:a");
             ChatModel bySpec = polis.chatModel("test.capture:b")) {
            assertThat(TestCaptureModelProvider.REQUESTS).hasSize(2).allSatisfy(request ->
                    assertThat(request.inference()).isEqualTo(new InferenceOptions("cuda:3", "decoder.y",
                            List.of("accelerator.a", "accelerator.b"))));
            assertThat(polis.models().operatorChoices().device()).isEqualTo("cuda:3");
        }
    }
}
