package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.mindsearch.fixture.Polis;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis mindsearch bench} on the fixture corpus with {@code evalscript:wide} (three nodes in one planner turn):
 * what it runs and records, not how fast (speed is measured by the benchmark itself, see docs/benchmarks.md).
 */
@Timeout(120)
class BenchCommandTest {

    @TempDir
    Path dir;

    private final Polis polis = new Polis();
    private Path index;

    @BeforeEach
    void buildIndex() {
        index = dir.resolve("index");
        assertThat(polis.run("index", MultiHopAskTest.CORPUS.toString(), "--output", index.toString())).isZero();
    }

    private int bench(String threads, String rounds) {
        return polis.run("mindsearch", "bench", "Which documents mention each topic?", "--index", index.toString(),
                "--model", "evalscript:wide", "--threads", threads, "--rounds", rounds, "-o",
                dir.resolve("runs").toString(), "--bench-id", "b");
    }

    @Test
    void eachRoundRunsEveryThreadCountInTurnAndRecordsTheRuns() throws IOException {
        assertThat(bench("1,3", "2")).as(polis.both()).isZero();

        JsonNode bench = new ObjectMapper().readTree(dir.resolve("runs/b/bench.json").toFile());
        assertThat(bench.path("runs")).extracting(r -> "r" + r.path("round").asInt() + "-j" + r.path("threads").asInt())
                .containsExactly("r1-j1", "r1-j3", "r2-j1", "r2-j3");
        // river {brennick, kellmouth}, telescope {zephyr, ada-varn}, optics + harbour {ada-varn, brennick, zephyr,
        // kellmouth}: all four documents
        assertThat(bench.path("runs")).allSatisfy(r -> {
            assertThat(r.path("complete").asBoolean()).isTrue();
            assertThat(r.path("nodes").asInt()).isEqualTo(3);
            assertThat(r.path("widestTurn").asInt()).isEqualTo(3);
            assertThat(r.path("plannerTurns").asInt()).isEqualTo(2);
            assertThat(r.path("documentsSurfaced").asInt()).isEqualTo(4);
        });
        assertThat(dir.resolve("runs/b/r2-j3/calls.jsonl")).exists();
        assertThat(bench.path("summary").get(0).path("speedup").asDouble()).isEqualTo(1.0);
        assertThat(bench.path("summary").get(1).path("threads").asInt()).isEqualTo(3);
        assertThat(polis.out()).contains("threads", "speed-up", "surfaced/minute");
        assertThat(polis.err()).contains("round 2, -j 3:", "3 node(s), 3 in one turn, 4 document(s) surfaced");
    }

    @Test
    void repeatedOrNonPositiveThreadCountsAreRefused() {
        assertThat(bench("1,1", "2")).isEqualTo(2);
        assertThat(polis.err()).contains("--threads distinct positive numbers");
        assertThat(bench("0,4", "1")).isEqualTo(2);
        assertThat(bench("1,4", "0")).isEqualTo(2);
    }
}
