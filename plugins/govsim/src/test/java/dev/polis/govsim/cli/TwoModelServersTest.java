package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One LLM sweep's calls spread over two OpenAI-compatible server processes on loopback (the {@code polis serve}
 * server over a scripted model); one is killed (SIGKILL) mid-run and the run still completes, every call in
 * {@code calls.jsonl} naming the server that answered it, every one started after the kill the survivor.
 */
class TwoModelServersTest {

    @TempDir
    Path dir;

    @Test
    void aSweepOverTwoServersCompletesWhenOneIsKilledMidRun() throws Exception {
        try (ScriptedGovSimServer first = ScriptedGovSimServer.start("Answer: 5 tons", dir.resolve("logs"));
             ScriptedGovSimServer second = ScriptedGovSimServer.start("Answer: 5 tons", dir.resolve("logs"))) {
            String a = first.baseUrl();
            String b = second.baseUrl();
            Path out = dir.resolve("out");
            // its own thread, not the common pool: the JDK's HttpClient completes a refused connection there, and
            // on a 2-core machine the pool's one worker would be this sweep, waiting for that very call
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<?> sweep = runner.submit(() -> CliRuns.polisOk("govsim", "--model",
                    "openai:" + a + "," + b + "#" + ServedGovSimModel.MODEL_NAME, "--agent-setting",
                    "rateImportance=false", "-s", "fishery", "--seeds", "1", "--months", "3", "-j", "1", "-o",
                    out.toString()));
            runner.shutdown();
            while (callsSoFar(out) < 40 && !sweep.isDone()) {
                Thread.sleep(5);
            }
            assertThat(sweep.isDone()).as("the sweep was still running when the first server was killed").isFalse();
            first.kill();
            java.time.Instant killed = java.time.Instant.now();

            sweep.get(3, TimeUnit.MINUTES);

            List<JsonNode> calls = CliRuns.jsonLines(onlyRun(out).resolve("calls.jsonl"));
            assertThat(calls).allSatisfy(call -> assertThat(call.at("/response/endpoint").asText()).isIn(a, b));
            assertThat(calls).anySatisfy(call -> assertThat(call.at("/response/endpoint").asText()).isEqualTo(a));
            List<JsonNode> afterKill = calls.stream().filter(call -> java.time.Instant.parse(
                    call.path("startedAt").asText()).isAfter(killed)).toList();
            assertThat(afterKill).hasSizeGreaterThan(10)
                    .allSatisfy(call -> assertThat(call.at("/response/endpoint").asText()).isEqualTo(b));
        }
    }

    /** Returns how many calls the sweep in {@code out} has recorded so far (0 before its run folder exists). */
    private static long callsSoFar(Path out) throws IOException {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(runs)) {
            Path log = folders.map(f -> f.resolve("calls.jsonl")).filter(Files::isRegularFile).findFirst().orElse(null);
            if (log == null) {
                return 0;
            }
            try (Stream<String> lines = Files.lines(log)) {
                return lines.count();
            }
        }
    }

    /** Returns the only run folder of the sweep in {@code out}. */
    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            List<Path> all = runs.toList();
            assertThat(all).hasSize(1);
            return all.getFirst();
        }
    }
}
