package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference-policy sweep split into shards ({@code --shard i/n}, a SLURM array's variables, a Kubernetes Indexed
 * Job's) and joined by {@code polis govsim merge} gives byte for byte the summary of the same sweep in one process,
 * whether the shards share one folder or each has its own.
 */
class ShardedSweepTest {

    /** Five societies × two scenarios × three seeds, four months: 30 runs. */
    static final String[] PLAN = {"govsim", "-s", "fishery,pollution", "--seeds", "1-3", "--months", "4", "-j", "2"};

    @TempDir
    static Path dir;

    private static Path single;

    @BeforeAll
    static void sweepInOneProcess() {
        single = dir.resolve("single");
        assertThat(polis(Map.of(), "-o", single.toString()).exit()).isZero();
    }

    /** What one in-process command left. */
    record Result(int exit, String out) {
    }

    static Result polis(Map<String, String> env, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of(PLAN), Stream.of(extra)).toArray(String[]::new);
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = PolisCli.execute(args, stream, stream, env);
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }

    static Result merge(Path... folders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("govsim", "merge"));
        Stream.of(folders).map(Path::toString).forEach(args::add);
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = PolisCli.execute(args.toArray(String[]::new), stream, stream, Map.of());
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }

    static void assertSameSummary(Path merged) throws IOException {
        assertThat(Files.readString(merged.resolve("summary.csv"))).isEqualTo(Files.readString(single.resolve(
                "summary.csv")));
        assertThat(Files.readString(merged.resolve("summary.json"))).isEqualTo(Files.readString(single.resolve(
                "summary.json")));
        assertThat(Files.readString(merged.resolve("report.html"))).isEqualTo(Files.readString(single.resolve(
                "report.html")));
    }

    static long runFolders(Path sweep) throws IOException {
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            return runs.count();
        }
    }

    @Test
    void oneShardOfOneMergesToTheSingleProcessSummary() throws IOException {
        Path out = dir.resolve("n1");
        Result shard = polis(Map.of(), "--shard", "0/1", "-o", out.toString());
        assertThat(shard.exit()).as(shard.out()).isZero();
        assertThat(out.resolve("summary.csv")).as("a shard leaves the sweep's summary to merge").doesNotExist();
        assertThat(out.resolve("shards/shard-0-of-1/summary.csv")).isRegularFile();

        Result merged = merge(out);

        assertThat(merged.exit()).as(merged.out()).isZero();
        assertThat(merged.out()).contains("30 runs: 30 finished, 0 failed, 0 missing");
        assertSameSummary(out);
    }

    @Test
    void threeSlurmArrayTasksNumberedFromOneMergeToTheSingleProcessSummary() throws IOException {
        Path out = dir.resolve("n3");
        for (int id = 1; id <= 3; id++) {
            Result task = polis(Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(id), "SLURM_ARRAY_TASK_MIN", "1",
                    "SLURM_ARRAY_TASK_COUNT", "3"), "-o", out.toString());
            assertThat(task.exit()).as(task.out()).isZero();
            assertThat(task.out()).contains("GovSim shard " + (id - 1) + "/3 of a 30-run plan", "GovSim: 10 runs");
        }
        assertThat(runFolders(out)).isEqualTo(30);

        Result merged = merge(out);

        assertThat(merged.exit()).as(merged.out()).isZero();
        assertSameSummary(out);
    }

    @Test
    void sevenIndexedJobPodsEachWithItsOwnFolderMergeToTheSingleProcessSummary() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (int index = 0; index < 7; index++) {
            Path own = dir.resolve("n7").resolve("pod" + index);
            folders.add(own);
            Result pod = polis(Map.of("JOB_COMPLETION_INDEX", Integer.toString(index), "POLIS_SHARD_COUNT", "7"),
                    "-o", own.toString());
            assertThat(pod.exit()).as(pod.out()).isZero();
            assertThat(runFolders(own)).isEqualTo(index < 2 ? 5 : 4); // 30 runs: positions index, index+7, ...
        }
        Path merged = dir.resolve("n7").resolve("merged");

        Result result = merge(Stream.concat(folders.stream(), Stream.empty()).toArray(Path[]::new));
        Result into = mergeInto(merged, folders);

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(into.exit()).as(into.out()).isZero();
        assertSameSummary(merged);
        assertSameSummary(folders.getFirst());
    }

    private static Result mergeInto(Path target, List<Path> folders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("govsim", "merge", "-o", target.toString()));
        folders.forEach(folder -> args.add(folder.toString()));
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = PolisCli.execute(args.toArray(String[]::new), stream, stream, Map.of());
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }
}
