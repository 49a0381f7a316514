package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run whose records cannot be read fails alone: the sweep plays the others, ends with its summary and names
 * the failed run, its folder and the reason on the console; once the file is fixed, a rerun finishes it with the
 * records of a run never broken.
 */
class FailedRunIsolationTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private int polis(Path out) {
        stdout.reset();
        return PolisCli.execute(new String[] {"govsim", "--society", "s=sustainable*4,greedy", "-s", "pasture",
            "--seeds", "1-2", "--months", "3", "-j", "1", "-o", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    }

    private static Path run(Path sweep, String seedSuffix) throws IOException {
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            return runs.filter(r -> r.getFileName().toString().endsWith(seedSuffix)).findFirst().orElseThrow();
        }
    }

    @Test
    void anUnreadableStateFailsOnlyItsRunAndTheConsoleNamesItWithTheReason() throws IOException {
        Path whole = dir.resolve("whole");
        Path broken = dir.resolve("broken");
        assertThat(polis(whole)).isZero();
        assertThat(polis(broken)).isZero();
        Path state = run(broken, "s1").resolve("state.json");
        Files.writeString(state, "{\"nextMonth\": 3, \"pool\": ");

        int exit = polis(broken);

        String console = stdout.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(console).isEqualTo(1);
        assertThat(console).contains("GovSim: 2 runs (1 already done, 1 failed)", "Surv. rate",
                "Failed runs (1; rerun the same command to resume them):",
                run(broken, "s1").getFileName() + " (" + run(broken, "s1") + "): ", state.toString());

        Files.delete(state);
        assertThat(polis(broken)).as(stdout.toString(StandardCharsets.UTF_8)).isZero();
        for (String seed : List.of("s1", "s2")) {
            RunRecords expected = RunRecords.of(run(whole, seed));
            assertThat(RunRecords.of(run(broken, seed)).differenceFrom(expected)).as(seed).isNull();
        }
    }
}
