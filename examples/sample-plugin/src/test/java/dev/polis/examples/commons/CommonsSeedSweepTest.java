package dev.polis.examples.commons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's commons environment gets sweeps, resume and a summary from the core runner alone
 * ({@code polis run --seeds}): nothing in the plugin knows about sweeps.
 */
class CommonsSeedSweepTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int polis(String... args) {
        stdout.reset();
        stderr.reset();
        return PolisCli.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of());
    }

    /** Three fishers asking 40 each from a lake of 100: who goes short depends on the seed. */
    private Path pipeline() throws IOException {
        Path file = dir.resolve("commons.yaml");
        Files.writeString(file, """
                run:
                  steps: 12
                  output: %s
                environment:
                  id: example.commons
                  settings: {capacity: 100, regrowth: 2.0, months: 12}
                agents:
                  - {id: a, provider: example.fixed, settings: {amount: 40}}
                  - {id: b, provider: example.fixed, settings: {amount: 40}}
                  - {id: c, provider: example.fixed, settings: {amount: 40}}
                """.formatted(dir.resolve("runs").toString().replace("\\", "/")));
        return file;
    }

    private String text() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private Path run(int seed) {
        return dir.resolve("runs").resolve("commons-seed" + seed);
    }

    @Test
    void aSweepPlaysEverySeedAsItsOwnRunAndSummarisesTheMetrics() throws IOException {
        assertThat(polis("run", pipeline().toString(), "--seeds", "1-3")).as(stderr.toString()).isZero();
        assertThat(text()).contains("Sweep: 3 seeds, 3 finished (0 already before), 0 failed", "METRIC", "MEAN");
        for (int seed = 1; seed <= 3; seed++) {
            assertThat(run(seed).resolve("metrics.json")).isRegularFile();
            assertThat(Files.readString(run(seed).resolve("run.json"))).contains("\"seed\" : " + seed);
        }
        List<String> csv = Files.readAllLines(dir.resolve("runs").resolve("commons-sweep.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("run_id,seed,status,").contains("equality", "reward.a");
        assertThat(csv.get(2)).startsWith("commons-seed2,2,finished,");
        assertThat(csv.subList(1, 4).stream().map(l -> l.substring(l.indexOf("finished"))).distinct().count())
                .as("the seed decides who goes short, so the seeds' rows differ").isGreaterThan(1);
        String report = Files.readString(dir.resolve("runs").resolve("commons-sweep.html"));
        assertThat(report).contains("<h2>equality</h2>", "seed 3: ");
        assertThat(text()).contains("Report:  ");
    }

    @Test
    void aSweepRunAgainPlaysOnlyTheSeedsThatDidNotFinishToTheSameRecords() throws IOException {
        Path file = pipeline();
        assertThat(polis("run", file.toString(), "--seeds", "1-3")).isZero();
        String metrics = Files.readString(run(2).resolve("metrics.json"));
        Path info = run(2).resolve("run.json");
        Files.writeString(info, Files.readString(info).replace("\"finished\"", "\"started\""));
        Files.delete(run(2).resolve("metrics.json"));

        assertThat(polis("run", file.toString(), "--seeds", "1-3")).as(stderr.toString()).isZero();
        assertThat(text()).contains("Sweep: 3 seeds, 3 finished (2 already before), 0 failed",
                "run commons-seed1 already finished", "run commons-seed2 finished");
        assertThat(Files.readString(run(2).resolve("metrics.json"))).isEqualTo(metrics);
    }

    @Test
    void aBadSeedListIsAUserErrorNamingTheOption() throws IOException {
        assertThat(polis("run", pipeline().toString(), "--seeds", "3-1")).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--seeds", "'3-1'", "1-5");
    }
}
