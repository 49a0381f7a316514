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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard killed (SIGKILL) after its first finished run resumes when its command is run again: the finished runs
 * are skipped, the rest are played, and merged with the other shard the summary equals a single-process sweep's.
 */
class KilledShardResumeTest {

    private static final String[] PLAN = {"govsim", "-s", "fishery", "--seeds", "1-4", "--months", "12", "-j", "1"};

    @TempDir
    Path dir;

    @Test
    void aShardKilledMidwayResumesAndMergesToTheSingleProcessSummary() throws Exception {
        Path out = dir.resolve("sharded");
        PolisProcess.Launched child = new PolisProcess(dir.resolve("logs")).start(args("--shard", "0/2", "-o",
                out.toString()));
        while (child.process().isAlive() && finishedRuns(out) == 0) {
            Thread.sleep(10);
        }
        assertThat(child.process().isAlive()).as("the shard was still playing when its first run finished").isTrue();
        child.process().destroyForcibly().waitFor();
        long finishedAtKill = finishedRuns(out);
        assertThat(finishedAtKill).as("killed before its 10 runs finished").isLessThan(10);

        String resumed = polisOk(args("--shard", "0/2", "-o", out.toString()));
        polisOk(args("--shard", "1/2", "-o", out.toString()));
        String merged = polisOk("govsim", "merge", out.toString());
        Path single = dir.resolve("single");
        polisOk(args("-o", single.toString()));

        assertThat(resumed).contains("GovSim: 10 runs (" + finishedAtKill + " already done, 0 failed)");
        assertThat(merged).contains("20 runs: 20 finished, 0 failed, 0 missing");
        assertThat(Files.readString(out.resolve("summary.csv"))).isEqualTo(Files.readString(single.resolve(
                "summary.csv")));
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(Files.readString(single.resolve(
                "summary.json")));
    }

    private static String[] args(String... extra) {
        return Stream.concat(Stream.of(PLAN), Stream.of(extra)).toArray(String[]::new);
    }

    private static String polisOk(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = PolisCli.execute(args, stream, stream, Map.of());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }

    /** Returns how many runs under {@code sweep} say finished in their {@code run.json}. */
    private static long finishedRuns(Path sweep) throws IOException {
        Path runs = sweep.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> list = Files.list(runs)) {
            list.forEach(folders::add);
        }
        long finished = 0;
        for (Path folder : folders) {
            Path run = folder.resolve("run.json");
            try {
                if (Files.isRegularFile(run) && Files.readString(run).contains("\"finished\"")) {
                    finished++;
                }
            } catch (IOException e) {
                // replaced while read: counted on the next look
            }
        }
        return finished;
    }
}
