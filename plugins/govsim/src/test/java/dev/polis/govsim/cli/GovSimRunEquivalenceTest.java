package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code polis govsim} and {@code polis run} play the same engine: a GovSim pipeline of the registry's policy
 * agents gives the same metrics as the sweep of the same society, scenario, experiment and seed.
 */
class GovSimRunEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METRICS = List.of("survival_months", "survived", "gain", "efficiency",
            "equality", "over_usage", "complete");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int polis(String... args) {
        return PolisCli.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} {2} seed {3}")
    @CsvSource(delimiter = ';', value = {
        "random:30*5; fishery; default; 1",
        "random:30*5; pollution; default; 2",
        "sustainable,sustainable,sustainable,random:20,fixed:14; pasture; universalization; 3",
        "fixed:12*5; fishery; no-communication; 4",
        "sustainable*4,greedy; pollution; newcomer; 5"})
    void aPipelineOfRegistryAgentsScoresLikeTheSweep(String members, String scenario, String experiment, long seed)
            throws Exception {
        Path sweep = dir.resolve("sweep");
        assertThat(polis("govsim", "--society", "s=" + members, "-s", scenario, "-e", experiment, "--seeds",
                Long.toString(seed), "-j", "1", "-o", sweep.toString())).as(stderr.toString(StandardCharsets.UTF_8))
                .isZero();
        JsonNode fromSweep = JSON.readTree(sweep.resolve("summary.json").toFile()).at("/runs/0/metrics");

        Path pipeline = dir.resolve("pipeline.yaml");
        Files.writeString(pipeline, pipeline(members, scenario, experiment, seed));
        assertThat(polis("run", pipeline.toString())).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode fromRun = JSON.readTree(dir.resolve("runs/govsim-run/metrics.json").toFile());

        assertThat(fromSweep.get("survival_months").asInt()).isPositive();
        for (String metric : METRICS) {
            assertThat(fromRun.get(metric)).as(metric).isEqualTo(fromSweep.get(metric));
        }

        // the sweep run's own config.resolved.yaml is that pipeline: run under another id, it scores the same
        String runId = JSON.readTree(sweep.resolve("summary.json").toFile()).at("/runs/0/run").asText();
        String resolved = Files.readString(sweep.resolve("runs").resolve(runId).resolve("config.resolved.yaml"));
        Path again = dir.resolve("again.yaml");
        Files.writeString(again, resolved.replace("id: \"" + runId + "\"", "id: \"again\""));
        assertThat(polis("run", again.toString())).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode fromResolved = JSON.readTree(sweep.resolve("runs/again/metrics.json").toFile());
        for (String metric : METRICS) {
            assertThat(fromResolved.get(metric)).as("resolved " + metric).isEqualTo(fromSweep.get(metric));
        }
    }

    /** Writes the pipeline that seats one registry agent per member, persona ids in order. */
    private String pipeline(String members, String scenario, String experiment, long seed) {
        StringBuilder yaml = new StringBuilder("run:\n  id: govsim-run\n  seed: " + seed + "\n  steps: 1000\n"
                + "  output: " + dir.resolve("runs") + "\nenvironment:\n  id: govsim." + scenario
                + "\n  settings: {experiment: " + experiment + "}\nagents:\n");
        List<String> seats = new java.util.ArrayList<>();
        for (String member : members.split(",")) {
            String[] times = member.split("\\*");
            for (int k = 0; k < (times.length > 1 ? Integer.parseInt(times[1]) : 1); k++) {
                seats.add(times[0]);
            }
        }
        for (int i = 0; i < seats.size(); i++) {
            String[] spec = seats.get(i).split(":");
            String key = switch (spec[0]) {
                case "fixed" -> "amount";
                case "random" -> "max";
                case "greedy" -> "fraction";
                default -> null;
            };
            yaml.append("  - id: persona_").append(i).append("\n    provider: govsim.policy.").append(spec[0]).append('\n');
            if (key != null && spec.length > 1) {
                yaml.append("    settings: {").append(key).append(": ").append(spec[1]).append("}\n");
            }
        }
        return yaml.toString();
    }
}
