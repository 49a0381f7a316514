package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.core.cli.PolisCli;
import dev.polis.govsim.io.OriginalLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polis govsim --import} of original GovSim runs through the real launcher. */
class GovSimImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int polis(String... args) {
        return PolisCli.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunInWhichNobodyHarvestedHasUndefinedEqualityEverywhere() throws Exception {
        Path run = new OriginalLog().months(12, 0, 0, 0, 0, 0).writeTo(dir.resolve("fishing_v7.0/idle"));
        Path output = dir.resolve("out");
        assertThat(polis("govsim", "--import", run.toString(), "-o", output.toString())).as(err()).isZero();

        assertThat(out()).doesNotContain("NaN").contains("n/a");
        Path runFolder = Files.list(output.resolve("runs")).findFirst().orElseThrow();
        JsonNode metrics = JSON.readTree(runFolder.resolve("metrics.json").toFile());
        assertThat(metrics.get("equality").isNull()).as("metrics.json equality is null").isTrue();
        assertThat(metrics.get("survived").asDouble()).isEqualTo(1.0);
        JsonNode summary = JSON.readTree(output.resolve("summary.json").toFile());
        assertThat(summary.at("/runs/0/metrics/equality").isNull()).isTrue();
        assertThat(summary.at("/table/0/equality/mean").isNull()).isTrue();
        assertThat(Files.readString(output.resolve("summary.csv"))).doesNotContain("NaN");
        assertThat(Files.readString(output.resolve("report.html"))).doesNotContain("NaN").contains("n/a");
    }

    @Test
    void aHarvestingRowWithANonNumericAmountIsAnInputErrorNamingFileRowAndField() throws Exception {
        OriginalLog log = new OriginalLog().months(2, 10, 10, 10, 10, 10);
        log.rows().get(7).put("resource_collected", "lots");
        Path run = log.writeTo(dir.resolve("fishing_v7.0/bad"));

        assertThat(polis("govsim", "--import", run.toString(), "-o", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains(run.resolve("log_env.json").toString(), "row 8", "resource_collected", "\"lots\"",
                "not a number");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aHarvestingRowWithoutItsPoolIsAnInputErrorNamingTheField() throws Exception {
        OriginalLog log = new OriginalLog().months(1, 10, 10, 10, 10, 10);
        log.rows().get(2).remove("resource_in_pool_before_harvesting");
        Path run = log.writeTo(dir.resolve("fishing_v7.0/bad"));

        assertThat(polis("govsim", "--import", run.toString(), "-o", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("row 3", "persona_2", "resource_in_pool_before_harvesting", "is missing");
    }

    @Test
    void aGapInTheMonthsIsAnInputErrorNotShiftedOver() throws Exception {
        OriginalLog log = new OriginalLog().months(4, 10, 10, 10, 10, 10);
        log.rows().removeIf(row -> row.get("round").equals(2));
        Path run = log.writeTo(dir.resolve("fishing_v7.0/gap"));

        assertThat(polis("govsim", "--import", run.toString(), "-o", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err()).contains("round 2", "month 3", "gap");
    }

    @Test
    void aLogThatStopsEarlyWithoutCollapseIsIncompleteAndLeftOutOfTheSurvivalRate() throws Exception {
        Path full = new OriginalLog().months(12, 10, 10, 10, 10, 10).writeTo(dir.resolve("fishing_v7.0/full"));
        Path cut = new OriginalLog().months(3, 10, 10, 10, 10, 10).writeTo(dir.resolve("fishing_v7.0/cut"));
        Path output = dir.resolve("out");

        assertThat(polis("govsim", "--import", full.toString(), "--import", cut.toString(), "-o", output.toString()))
                .as(err()).isZero();
        JsonNode summary = JSON.readTree(output.resolve("summary.json").toFile());
        assertThat(summary.at("/runs/1/status").asText()).isEqualTo("incomplete");
        assertThat(summary.at("/table/0/runs").asInt()).isEqualTo(2);
        assertThat(summary.at("/table/0/incomplete").asInt()).isEqualTo(1);
        assertThat(summary.at("/table/0/survival_rate/mean").asDouble())
                .as("the cut log is not counted as a collapse").isEqualTo(100.0);
        assertThat(summary.at("/table/0/survival_time/mean").asDouble()).isEqualTo(12.0);
        assertThat(out()).contains("1 run stops early without a collapse (incomplete)");
    }

    @Test
    void importHonoursMonthsCollapseRuleAndOutput() throws Exception {
        Path run = new OriginalLog().months(12, 10, 10, 10, 10, 10).writeTo(dir.resolve("fishing_v7.0/r"));
        assertThat(polis("govsim", "--import", run.toString(), "--collapse-rule", "sometimes", "-o",
                dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err()).contains("--collapse-rule", "sometimes");
        assertThat(polis("govsim", "--import", run.toString(), "--months", "0")).isEqualTo(2);

        // the pool ends a month at exactly 5 units: the code's rule (< 5) survives it, the paper's (<= 5) does not
        Path edge = new OriginalLog().month(19, 19, 19, 19, 19).months(11, 1, 1, 1, 1, 1)
                .writeTo(dir.resolve("fishing_v7.0/edge"));
        Path code = dir.resolve("code");
        Path paper = dir.resolve("paper");
        assertThat(polis("govsim", "--import", edge.toString(), "-o", code.toString())).as(err()).isZero();
        assertThat(polis("govsim", "--import", edge.toString(), "--collapse-rule", "paper", "-o", paper.toString()))
                .as(err()).isZero();
        assertThat(JSON.readTree(code.resolve("summary.json").toFile()).at("/runs/0/metrics/survival_months").asInt())
                .isEqualTo(12);
        assertThat(JSON.readTree(paper.resolve("summary.json").toFile()).at("/runs/0/metrics/survival_months").asInt())
                .isEqualTo(1);

        Path three = dir.resolve("three");
        assertThat(polis("govsim", "--import", run.toString(), "--months", "3", "-o", three.toString())).isZero();
        JsonNode first = JSON.readTree(three.resolve("summary.json").toFile()).at("/runs/0");
        assertThat(first.at("/metrics/survived").asDouble()).isEqualTo(1.0);
        assertThat(first.at("/metrics/gain").asDouble()).as("scored over the first 3 months").isEqualTo(30.0);
        Path runFolder = three.resolve("runs").resolve(first.get("run").asText());
        assertThat(runFolder.resolve("run.json")).content().contains("finished");
        JsonNode rows = JSON.readTree(runFolder.resolve("log_env.json").toFile());
        assertThat(rows.findValues("action").stream().filter(a -> a.asText().equals("harvesting")))
                .as("3 months of 5 harvests kept").hasSize(15);
        assertThat(three.resolve("report.html")).exists();
    }

    @Test
    void aFolderOfOriginalRunFoldersImportsInOneGoGroupedByModelExperimentAndScenario() throws Exception {
        Path results = dir.resolve("simulation/results");
        for (int seed = 1; seed <= 2; seed++) {
            Path fish = new OriginalLog().months(12, 10, 10, 10, 10, 10)
                    .writeTo(results.resolve("fishing_v7.0/g/gpt-run-" + seed));
            OriginalLog.hydra(fish, "fishing", "fish_baseline_concurrent", "gpt-4o", seed);
            Path sheep = new OriginalLog().month(30, 30, 30, 5, 5).writeTo(results.resolve("sheep_v7.0/g/gpt-" + seed));
            OriginalLog.hydra(sheep, "sheep", "sheep_baseline_concurrent", "gpt-4o", seed);
            Path weak = new OriginalLog().month(20, 20, 20, 20, 20).writeTo(results.resolve("fishing_v7.0/u/w-" + seed));
            OriginalLog.hydra(weak, "fishing", "fish_baseline_concurrent_universalization", "llama-2-7b", seed);
        }
        Path output = dir.resolve("out");
        assertThat(polis("govsim", "--import", results.toString(), "-o", output.toString())).as(err()).isZero();

        JsonNode summary = JSON.readTree(output.resolve("summary.json").toFile());
        assertThat(summary.get("runs")).hasSize(6);
        assertThat(summary.get("table")).hasSize(2);
        JsonNode gpt = summary.at("/table/0");
        assertThat(gpt.get("society").asText()).isEqualTo("gpt-4o");
        assertThat(gpt.get("experiment").asText()).isEqualTo("default");
        assertThat(gpt.get("runs").asInt()).isEqualTo(4);
        assertThat(gpt.at("/survival_rate/mean").asDouble()).as("mean of fishery 100 and pasture 0").isEqualTo(50.0);
        JsonNode weak = summary.at("/table/1");
        assertThat(weak.get("society").asText()).isEqualTo("llama-2-7b");
        assertThat(weak.get("experiment").asText()).isEqualTo("universalization");
        assertThat(weak.at("/gain/mean").asDouble()).isEqualTo(20.0);
        assertThat(Files.list(output.resolve("runs")).map(p -> p.getFileName().toString()))
                .contains("gpt-4o__default__pasture__s1", "llama-2-7b__universalization__fishery__s2");
        assertThat(output.resolve("report.html")).content().contains("gpt-4o | default", "llama-2-7b | universalization");
    }

    @Test
    void aPolisSweepFolderImportsBackToTheSameMetrics() throws Exception {
        Path sweep = dir.resolve("sweep");
        assertThat(polis("govsim", "--society", "fixed-12=fixed:12*5", "-s", "pasture", "--seeds", "3", "-o",
                sweep.toString())).as(err()).isZero();
        Path again = dir.resolve("again");
        assertThat(polis("govsim", "--import", sweep.resolve("runs").toString(), "-o", again.toString()))
                .as(err()).isZero();
        JsonNode original = JSON.readTree(sweep.resolve("summary.json").toFile()).at("/runs/0");
        JsonNode imported = JSON.readTree(again.resolve("summary.json").toFile()).at("/runs/0");
        assertThat(imported.get("run").asText()).isEqualTo(original.get("run").asText());
        assertThat(imported.get("metrics")).isEqualTo(original.get("metrics"));
    }
}
