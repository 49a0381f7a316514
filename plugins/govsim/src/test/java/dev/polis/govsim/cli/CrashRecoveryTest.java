package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run folder survives a SIGKILL at any write step: a small GovSim sweep (LLM agents on a scripted model served
 * on loopback, two months) runs in a child process that kills itself at seeded write steps (an append half
 * written, a state replaced before or after its move, a log synced), sometimes with a torn UTF-8 tail added to both
 * logs, and is resumed; the resumed records equal those of a sweep never killed (metrics, state, export, events in
 * order, calls numbered 1..n with the same requests and answers). {@code -Dpolis.crash.points=N} (default 50) and
 * {@code -Dpolis.crash.seed=S} choose how many steps and which, {@code -Dpolis.crash.parallel=P} (default 2) how
 * many cases run at once.
 */
class CrashRecoveryTest {

    private static final int POINTS = Integer.getInteger("polis.crash.points", 50);
    private static final long SEED = Long.getLong("polis.crash.seed", 21);
    /** How many kill cases run at once (each is a sequence of child processes; the scripted server answers all). */
    private static final int PARALLEL = Integer.getInteger("polis.crash.parallel", 2);
    /** A torn line as a kill leaves it: cut one byte into the two bytes of 'é'. */
    private static final byte[] TORN_UTF8 = {'{', '"', 's', 'e', 'q', '"', ':', '9', ',', '"', 't', '"', ':', '"',
        'c', 'a', 'f', (byte) 0xC3};

    @TempDir
    static Path dir;

    private static ServedGovSimModel served;
    private static Path baseline;
    private static List<String> steps;

    @BeforeAll
    static void playOnceWithoutAKill() throws IOException {
        served = new ServedGovSimModel(name -> "Dix tonnes, café. Answer: 10 tons");
        baseline = dir.resolve("baseline");
        Path trace = dir.resolve("steps.txt");
        PolisProcess.Result result = polis().property("polis.test.crash-trace", trace).run(sweep(baseline));
        assertThat(result.exit()).as(result.both()).isZero();
        steps = Files.readAllLines(trace);
    }

    @AfterAll
    static void stopServing() {
        served.close();
    }

    static PolisProcess polis() {
        return new PolisProcess(dir.resolve("logs"));
    }

    static String[] sweep(Path out) {
        return new String[] {"govsim", "--model", served.spec(), "--agent-setting", "rateImportance=false", "-s",
            "fishery", "--seeds", "1", "--months", "2", "-j", "1", "-o", out.toString()};
    }

    static String[] verbose(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "--verbose";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Test
    void aSweepKilledAtAnyOfItsWriteStepsResumesToTheRecordsOfASweepNeverKilled() throws Exception {
        RunRecords expected = RunRecords.ofOnlyRun(baseline);
        assertThat(expected.seqs()).as("the baseline's calls").hasSizeGreaterThan(20);
        assertThat(steps).as("write steps of the baseline").hasSizeGreaterThan(POINTS / 2);
        ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> cases = new ArrayList<>();
            for (long point : killPoints()) {
                cases.add(workers.submit(() -> {
                    killAndResume(point, expected);
                    return null;
                }));
            }
            for (Future<?> each : cases) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Error error ? error : new AssertionError(e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Kills a sweep at write step {@code point}, resumes it and compares its records with {@code expected}. */
    private static void killAndResume(long point, RunRecords expected) throws IOException {
        Path out = dir.resolve("killed-" + point);
        PolisProcess.Result killed = polis().property("polis.test.crash-at-write", point).run(sweep(out));
        assertThat(killed.exit()).as("killed at step %s: %s\n%s", point, steps.get((int) point - 1),
                killed.both()).isEqualTo(137);
        if (point % 5 == 0) {
            tear(out);
        }

        PolisProcess.Result resumed = polis().run(sweep(out));

        assertThat(resumed.exit()).as("resumed after step %s: %s", point, resumed.both()).isZero();
        RunRecords actual = RunRecords.ofOnlyRun(out);
        assertThat(actual.differenceFrom(expected)).as("records after a kill at step %s (%s) in %s", point,
                steps.get((int) point - 1), out).isNull();
        assertThat(actual.eventSeqs()).as("events numbered 1..n in file order")
                .isEqualTo(LongStream.rangeClosed(1, actual.eventSeqs().size()).boxed().toList());
        assertThat(actual.seqs()).as("calls numbered once each, 1..n").containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, expected.seqs().size()).boxed().toList());
    }

    /** Every step that is not an append, then appends drawn with the seed, up to {@link #POINTS} in all. */
    private static List<Long> killPoints() {
        List<Long> chosen = new ArrayList<>();
        List<Long> appends = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            (steps.get(i).contains(" append ") ? appends : chosen).add(i + 1L);
        }
        Collections.shuffle(appends, new Random(SEED));
        for (Long append : appends) {
            if (chosen.size() >= POINTS) {
                break;
            }
            chosen.add(append);
        }
        Collections.shuffle(chosen, new Random(SEED));
        return chosen.subList(0, Math.min(POINTS, chosen.size()));
    }

    /** Adds a line torn inside a UTF-8 character to the run's logs, as a kill during a write leaves it. */
    private static void tear(Path sweep) throws IOException {
        try (var runs = Files.list(sweep.resolve("runs"))) {
            for (Path run : runs.toList()) {
                for (String log : List.of("events.jsonl", "calls.jsonl")) {
                    Files.write(run.resolve(log), TORN_UTF8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
    }

    @Test
    void theCallsOfAResumedSweepReplayToTheSameRecords() throws IOException {
        Path out = dir.resolve("replay-source");
        long point = steps.size() / 2;
        assertThat(polis().property("polis.test.crash-at-write", point).run(sweep(out)).exit()).isEqualTo(137);
        assertThat(polis().run(sweep(out)).exit()).isZero();
        Path calls;
        try (var runs = Files.list(out.resolve("runs"))) {
            calls = runs.findFirst().orElseThrow().resolve("calls.jsonl");
        }
        Path replayed = dir.resolve("replayed");
        String[] args = sweep(replayed);
        args[2] = "replay:" + calls;

        PolisProcess.Result result = polis().run(args);

        assertThat(result.exit()).as(result.both()).isZero();
        assertThat(RunRecords.ofOnlyRun(replayed).differenceFrom(RunRecords.ofOnlyRun(baseline))).isNull();
    }

    @Test
    void aWriteRefusedByTheFileSizeLimitLeavesWholeLinesAndTheSweepResumes() throws IOException {
        long calls = Files.size(baseline.resolve("runs").toFile().listFiles()[0].toPath().resolve("calls.jsonl"));
        Path out = dir.resolve("limited");

        PolisProcess.Result limited = polis().fileSizeLimit(calls / 2 / 1024).run(sweep(out));

        assertThat(limited.exit()).as(limited.both()).isNotZero();
        PolisProcess.Result resumed = polis().run(sweep(out));
        assertThat(resumed.exit()).as(resumed.both()).isZero();
        assertThat(RunRecords.ofOnlyRun(out).differenceFrom(RunRecords.ofOnlyRun(baseline))).isNull();
    }

    @Test
    void aSecondWriterOfTheSameFolderIsRefusedWithExit2NamingTheHolder() throws Exception {
        Path out = dir.resolve("two-writers");
        try (ServedGovSimModel.Gate gate = served.gate()) {
            PolisProcess.Launched first = polis().start(verbose(sweep(out)));
            gate.awaitWaiting();

            PolisProcess.Result second = polis().run(sweep(out));

            assertThat(second.exit()).as(second.both()).isEqualTo(2);
            assertThat(second.err()).contains("is locked by process " + first.process().pid() + " on host ",
                    "write to another folder with -o");
            gate.open();
            PolisProcess.Result firstResult = first.await();
            assertThat(firstResult.exit()).as(firstResult.both()).isZero();
        }
        assertThat(RunRecords.ofOnlyRun(out).differenceFrom(RunRecords.ofOnlyRun(baseline))).isNull();
        assertThat(new String(Files.readAllBytes(out.resolve("runs").toFile().listFiles()[0].toPath()
                .resolve(".polis.lock")), StandardCharsets.UTF_8)).as("released at the end").isEmpty();
    }
}
