package dev.polis.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.run.RunStatus;
import dev.polis.core.config.ConfigException;
import dev.polis.core.config.ConfigFormat;
import dev.polis.core.config.OperatorOverrides;
import dev.polis.core.config.PipelineConfigLoader;
import dev.polis.core.config.ResolvedPipeline;
import dev.polis.core.host.HostModels;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.core.run.RecordingOptions;
import dev.polis.core.run.RunFolder;
import dev.polis.core.run.RunInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PluginHost host;
    private static EpisodeRunner runner;

    @TempDir
    Path output;

    @BeforeAll
    static void startHost() {
        host = PluginHost.start(HostOptions.classpathOnly());
        ExtensionRegistry registry = new ExtensionRegistry(host::extensions);
        runner = new EpisodeRunner(registry, new HostModels(registry, InferenceOptions.DEFAULTS),
                new RecordingOptions(Clock.systemUTC(), ProgressDisplay.silent()));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @BeforeEach
    void forget() {
        TestLedger.reset();
    }

    private ResolvedPipeline pipeline(String agents) {
        return pipeline("{id: r1, seed: 5, steps: 10}", "{capacity: 100}", agents);
    }

    private ResolvedPipeline pipeline(String run, String settings, String agents) {
        String yaml = """
                run: %s
                environment:
                  id: test.commons
                  settings: %s
                """.formatted(run, settings) + agents;
        return new PipelineConfigLoader(new OperatorOverrides(Map.of("OUT", output.toString()), Map.of()))
                .load(yaml.replace("run: {", "run: {output: \"${OUT}\", "), "pipeline.yaml", ConfigFormat.YAML);
    }

    @Test
    void runsAnEpisodeAndRecordsIt() throws Exception {
        RunResult result = runner.run(pipeline("""
                agents:
                  - {id: a1, provider: test.fixed, settings: {amount: 3}}
                  - {id: a2, provider: test.model-agent, model: "test.echo:4"}
                """));

        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(result.alreadyFinished()).isFalse();
        assertThat(result.directory()).isEqualTo(output.resolve("r1"));
        assertThat(result.metrics()).containsEntry("reward.a1", 30.0).containsEntry("reward.a2", 40.0)
                .containsEntry("stock", 30.0).containsEntry("steps", 10.0);

        RunFolder folder = new RunFolder(result.directory());
        assertThat(folder.readInfo()).get().extracting(RunInfo::status).isEqualTo(RunStatus.FINISHED);
        assertThat(folder.readMetrics()).isEqualTo(result.metrics());
        assertThat(Files.readString(folder.file(RunFolder.CONFIG))).contains("test.commons").contains("seed: 5");

        List<JsonNode> events = events(folder);
        assertThat(events).extracting(e -> e.get("type").asText())
                .startsWith("run.started", "env.reset", "agent.action", "agent.action", "env.step", "agent.action")
                .endsWith("env.step", "run.finished")
                .hasSize(1 + 1 + 10 * 3 + 1);
        JsonNode firstStep = events.get(4);
        assertThat(firstStep.at("/rewards/a1").asDouble()).isEqualTo(3.0);
        assertThat(firstStep.at("/info/stock").asDouble()).isEqualTo(93.0);
        assertThat(events.get(2).get("agent").asText()).isEqualTo("a1");
        assertThat(TestLedger.CLOSED).containsExactlyInAnyOrder("env", "agent:a1", "agent:a2", "model:test.echo:4");
    }

    @Test
    void everyModelCallIsRecordedAndTheRunReplaysFromTheRecording() throws Exception {
        RunResult recorded = runner.run(pipeline("""
                agents:
                  - {id: a1, provider: test.model-agent, model: "test.echo:4"}
                """));
        Path calls = recorded.directory().resolve("calls.jsonl");
        assertThat(Files.readAllLines(calls)).hasSize(10)
                .allSatisfy(line -> assertThat(line).contains("\"spec\"").contains("test.echo"));

        RunResult replayed = runner.run(pipeline("{id: r2, seed: 5, steps: 10}", "{capacity: 100}", """
                agents:
                  - {id: a1, provider: test.model-agent, model: "replay:%s"}
                """.formatted(calls.toString().replace("\\", "/"))));
        assertThat(replayed.metrics()).isEqualTo(recorded.metrics());
        assertThat(Files.readAllLines(replayed.directory().resolve("calls.jsonl"))).hasSize(10);
    }

    @Test
    void eventsAreReadableWhileTheRunGoesOn() {
        runner.run(pipeline("{id: r2, steps: 3}", "{}", """
                agents:
                  - {id: a1, provider: test.model-agent, model: "test.echo:1"}
                """));
        // Before each act: run.started + env.reset, then + agent.action + env.step per finished step.
        assertThat(TestLedger.EVENT_LINES_SEEN).containsExactly(2, 4, 6);
    }

    @Test
    void stopsWhenTheEnvironmentIsDone() {
        RunResult result = runner.run(pipeline("""
                agents:
                  - {id: a1, provider: test.fixed, settings: {amount: 40}}
                """));
        assertThat(result.metrics()).containsEntry("steps", 3.0).containsEntry("reward.a1", 100.0);
    }

    @Test
    void aFinishedRunIsNotRunAgain() throws Exception {
        String agents = "agents: [{id: a1, provider: test.fixed}]\n";
        RunResult first = runner.run(pipeline(agents));
        Path events = first.directory().resolve(RunFolder.EVENTS);
        String recorded = Files.readString(events);

        RunResult second = runner.run(pipeline(agents));

        assertThat(second.alreadyFinished()).isTrue();
        assertThat(second.summary()).isEqualTo("run r1 already finished: " + first.directory());
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(Files.readString(events)).isEqualTo(recorded);
    }

    @Test
    void aFailedRunIsMarkedFailedEverythingClosedAndTheErrorRethrown() throws Exception {
        ResolvedPipeline withFailure = pipeline("{id: r1}", "{capacity: 100, failAtStep: 2}", """
                agents:
                  - {id: a1, provider: test.fixed}
                  - {id: a2, provider: test.model-agent, model: "test.echo:2"}
                """);

        // The host wraps failures at the plugin boundary; the original message stays in the text.
        assertThatThrownBy(() -> runner.run(withFailure)).hasMessageContaining("the commons broke at step 2");

        RunFolder folder = RunFolder.of(output, "r1");
        RunInfo info = folder.readInfo().orElseThrow();
        assertThat(info.status()).isEqualTo(RunStatus.FAILED);
        assertThat(info.error()).contains("the commons broke at step 2");
        assertThat(events(folder)).last().satisfies(e -> assertThat(e.get("type").asText()).isEqualTo("run.failed"));
        assertThat(TestLedger.CLOSED).containsExactlyInAnyOrder("env", "agent:a1", "agent:a2", "model:test.echo:2");

        // A failed run may be run again under the same id.
        TestLedger.reset();
        assertThatThrownBy(() -> runner.run(withFailure)).hasMessageContaining("the commons broke at step 2");
        assertThat(TestLedger.CLOSED).hasSize(4);
    }

    @Test
    void unknownAgentProviderIsReportedAtItsPath() {
        assertThatThrownBy(() -> runner.run(pipeline("""
                agents:
                  - {id: a1, provider: test.fixed}
                  - id: a2
                    provider: test.fixd
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pipeline.yaml:8:5: agents[1].provider: ")
                .hasMessageContaining("test.fixd")
                .hasMessageContaining("test.fixed");
        assertThat(output.resolve("r1")).as("a configuration error leaves no run folder").doesNotExist();
        assertThat(TestLedger.CLOSED).containsExactlyInAnyOrder("env", "agent:a1");
    }

    @Test
    void unknownModelProviderIsReportedAtTheModelPath() {
        assertThatThrownBy(() -> runner.run(pipeline("""
                agents:
                  - id: a1
                    provider: test.model-agent
                    model: "tset.echo:1"
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pipeline.yaml:8:5: agents[0].model: ")
                .hasMessageContaining("tset.echo");
        assertThat(output.resolve("r1")).doesNotExist();
    }

    @Test
    void unknownEnvironmentIsReportedAtItsPath() {
        ResolvedPipeline wrong = new PipelineConfigLoader(new OperatorOverrides(Map.of("OUT", output.toString()),
                Map.of())).load("environment: {id: test.comons}\nagents: [{id: a1, provider: test.fixed}]\n"
                + "run: {output: \"${OUT}\"}\n", "p.yaml", ConfigFormat.YAML);
        assertThatThrownBy(() -> runner.run(wrong))
                .hasMessageStartingWith("p.yaml:1:15: environment.id: ")
                .hasMessageContaining("test.commons");
    }

    private static List<JsonNode> events(RunFolder folder) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(folder.file(RunFolder.EVENTS))) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
