package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real one-node SLURM cluster ({@code .ci/slurm/start.sh}: Debian's slurm-wlm and munge on localhost) runs the
 * sbatch script of {@code polis govsim --emit slurm} as a 4-task array through {@code sbatch}, each task the built
 * distribution's {@code polis}; the merged summary equals the single-process sweep's exactly. Enabled with
 * {@code -Dpolis.test.slurm=true} (CI sets it, after packaging the distribution; {@code -Dpolis.test.slurm.dist=DIR}
 * names another distribution folder); skipped, saying why, when SLURM cannot be installed or started here.
 */
@EnabledIfSystemProperty(named = "polis.test.slurm", matches = "true")
class SlurmArraySweepTest {

    private static final List<String> PLAN = List.of("govsim", "-s", "fishery,pollution", "--seeds", "1-4",
            "--months", "3");

    @TempDir
    Path dir;

    @Test
    void aFourTaskArraySubmittedWithSbatchMergesToTheSingleProcessSummary() throws Exception {
        Path root = repositoryRoot();
        Path dist = Path.of(System.getProperty("polis.test.slurm.dist",
                root.resolve("distribution/target/polis").toString()));
        assertThat(dist.resolve("lib")).as("the distribution; build it with ./mvnw -DskipTests package").isDirectory();
        Run started = run(dir, Map.of(), "bash", root.resolve(".ci/slurm/start.sh").toString());
        Assumptions.assumeTrue(started.exit() == 0, () -> "SLURM could not be started here, so the test is skipped: "
                + started.output().strip());
        String conf = started.output().lines().filter(line -> line.startsWith("SLURM_CONF=")).findFirst()
                .orElseThrow().substring("SLURM_CONF=".length());
        Path polis = launcher(dist);
        Path sweep = dir.resolve("sweep");
        Path single = dir.resolve("single");

        Run emitted = run(dir, Map.of(), plus(List.of(polis.toString()), plus(PLAN, "-o", sweep.toString(), "--emit",
                "slurm", "--shards", "4")).toArray(String[]::new));
        assertThat(emitted.exit()).as(emitted.output()).isZero();
        Path script = Files.writeString(dir.resolve("govsim.sbatch"), emitted.output().substring(
                emitted.output().indexOf("#!/bin/bash")));
        Run submitted = run(dir, Map.of("SLURM_CONF", conf, "POLIS", polis.toString()), "sbatch", "--parsable",
                "--wait", script.toString());
        String job = submitted.output().strip().lines().findFirst().orElse("?").split(";")[0];
        String logs = taskLogs(job);
        assertThat(submitted.exit()).as("sbatch --wait: " + submitted.output() + "\n" + logs).isZero();
        for (int task = 0; task < 4; task++) {
            assertThat(Files.readString(dir.resolve("polis-govsim-" + job + "_" + task + ".out")))
                    .contains("GovSim shard " + task + "/4 of a 40-run plan", "GovSim: 10 runs");
        }
        Run merged = run(dir, Map.of(), polis.toString(), "govsim", "merge", sweep.toString());
        Run whole = run(dir, Map.of(), plus(List.of(polis.toString()), plus(PLAN, "-o", single.toString()))
                .toArray(String[]::new));

        assertThat(merged.exit()).as(merged.output()).isZero();
        assertThat(whole.exit()).as(whole.output()).isZero();
        assertThat(merged.output()).contains("40 runs: 40 finished, 0 failed, 0 missing");
        assertThat(Files.readString(sweep.resolve("summary.csv"))).isEqualTo(Files.readString(single.resolve(
                "summary.csv")));
        assertThat(Files.readString(sweep.resolve("summary.json"))).isEqualTo(Files.readString(single.resolve(
                "summary.json")));
    }

    /** What a finished process left. */
    record Run(int exit, String output) {
    }

    private static Run run(Path directory, Map<String, String> env, String... command) throws Exception {
        Path log = Files.createTempFile(directory, "process", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, String.join(" ", command) + " did not end within five minutes\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private String taskLogs(String job) throws IOException {
        StringBuilder logs = new StringBuilder();
        for (int task = 0; task < 4; task++) {
            Path file = dir.resolve("polis-govsim-" + job + "_" + task + ".out");
            logs.append("--- task ").append(task).append('\n')
                    .append(Files.exists(file) ? Files.readString(file) : "(no output file)\n");
        }
        return logs.toString();
    }

    /** Writes a {@code polis} launcher of the built distribution, as its users run it. */
    private Path launcher(Path dist) throws IOException {
        Path file = dir.resolve("polis");
        Files.writeString(file, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + dist.resolve("lib") + "/*' '-Dpolis.home="
                + dist + "' '-Dpolis.plugins.dir=" + dist.resolve("plugins") + "' dev.polis.core.cli.PolisCli \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path repositoryRoot() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve(".ci/slurm/start.sh"))) {
                return at;
            }
        }
        throw new IllegalStateException("no .ci/slurm/start.sh above " + Path.of("").toAbsolutePath());
    }

    private static List<String> plus(List<String> base, List<String> extra) {
        List<String> all = new ArrayList<>(base);
        all.addAll(extra);
        return all;
    }

    private static List<String> plus(List<String> base, String... extra) {
        return plus(base, List.of(extra));
    }
}
