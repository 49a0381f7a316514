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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong shard numbers, from {@code --shard} or a scheduler's variables, exit 2 naming the option or variable before
 * any run folder is made; {@code merge} refuses folders of different plans (exit 2) and lists missing runs (exit 1).
 */
class ShardAndMergeErrorsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int polis(Map<String, String> env, String... args) {
        stdout.reset();
        stderr.reset();
        return PolisCli.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), env);
    }

    private int sweep(Map<String, String> env, String seeds, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("govsim", "-s", "fishery", "--seeds", seeds, "--months", "2",
                "-j", "1", "-o", out.toString()));
        args.addAll(List.of(extra));
        return polis(env, args.toArray(String[]::new));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shardNumbersOutsideTheRangeOrNotNumbersExitTwoNamingTheOption() {
        Path out = dir.resolve("out");
        for (String bad : List.of("3/3", "1/0", "-1/2", "x/4", "2")) {
            assertThat(sweep(Map.of(), "1", out, "--shard", bad)).as(bad).isEqualTo(2);
            assertThat(err()).as(bad).contains("--shard").doesNotContain("Exception", "\tat ");
        }
        assertThat(err()).contains("expected i/n", "--shard 0/4");
        assertThat(out).doesNotExist();
    }

    @Test
    void schedulerVariablesThatAreWrongOrIncompleteExitTwoNamingTheVariable() {
        Path out = dir.resolve("out");
        assertThat(sweep(Map.of("SLURM_ARRAY_TASK_ID", "abc", "SLURM_ARRAY_TASK_COUNT", "4"), "1", out)).isEqualTo(2);
        assertThat(err()).contains("SLURM_ARRAY_TASK_ID 'abc': not a whole number");

        assertThat(sweep(Map.of("SLURM_ARRAY_TASK_ID", "2"), "1", out)).isEqualTo(2);
        assertThat(err()).contains("SLURM_ARRAY_TASK_COUNT is not", "sbatch --array=0-<n-1>");

        assertThat(sweep(Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "4"), "1", out)).isEqualTo(2);
        assertThat(err()).contains("SLURM_ARRAY_TASK_ID=4", "outside 0..3", "--array=0-3");

        assertThat(sweep(Map.of("JOB_COMPLETION_INDEX", "1"), "1", out)).isEqualTo(2);
        assertThat(err()).contains("POLIS_SHARD_COUNT is not", "JOB_COMPLETION_INDEX");

        assertThat(sweep(Map.of("JOB_COMPLETION_INDEX", "0", "POLIS_SHARD_COUNT", "zero"), "1", out)).isEqualTo(2);
        assertThat(err()).contains("POLIS_SHARD_COUNT 'zero': not a whole number").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void theShardOptionWinsOverTheSchedulersVariables() {
        Path out = dir.resolve("out");
        assertThat(sweep(Map.of("SLURM_ARRAY_TASK_ID", "junk"), "1-4", out, "--shard", "1/2")).as(err()).isZero();

        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("GovSim shard 1/2 of a 20-run plan");
    }

    @Test
    void aShardIntoTheFolderOfAnotherPlanIsRefused() {
        Path out = dir.resolve("out");
        assertThat(sweep(Map.of(), "1-2", out, "--shard", "0/2")).as(err()).isZero();

        assertThat(sweep(Map.of(), "1-3", out, "--shard", "1/2")).isEqualTo(2);

        assertThat(err()).contains("-o " + out, "holds the runs of another sweep plan", "plan.json fingerprint",
                "choose another -o");
    }

    @Test
    void mergeRefusesFoldersOfDifferentPlansNamingBoth() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(sweep(Map.of(), "1-2", a, "--shard", "0/2")).isZero();
        assertThat(sweep(Map.of(), "1-3", b, "--shard", "1/2")).isZero();

        assertThat(polis(Map.of(), "govsim", "merge", a.toString(), b.toString())).isEqualTo(2);

        assertThat(err()).contains(b + " holds the runs of another sweep plan than " + a, "merge only the folders");
        assertThat(a.resolve("summary.csv")).doesNotExist();
    }

    @Test
    void mergeOfAFolderThatIsNoSweepSaysSo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(polis(Map.of(), "govsim", "merge", empty.toString())).isEqualTo(2);
        assertThat(err()).contains(empty + ": no plan.json");

        assertThat(polis(Map.of(), "govsim", "merge", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err()).contains("nowhere: no such folder");
    }

    @Test
    void mergeWithAShardMissingListsItsRunsAndExitsOne() throws IOException {
        Path out = dir.resolve("out");
        assertThat(sweep(Map.of(), "1-2", out, "--shard", "0/3")).isZero();
        assertThat(sweep(Map.of(), "1-2", out, "--shard", "2/3")).isZero();

        assertThat(polis(Map.of(), "govsim", "merge", out.toString())).isEqualTo(1);

        String text = stdout.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("10 runs: 7 finished, 0 failed, 3 missing", "Missing runs (3;",
                "sustainable__default__fishery__s2 (plan position 1)",
                "mixed__default__fishery__s1 (plan position 4)", "fixed-12__default__fishery__s2 (plan position 7)");
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(1 + 7);
    }
}
