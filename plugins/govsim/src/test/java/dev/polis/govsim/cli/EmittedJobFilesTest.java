package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job files of {@code polis govsim --emit} run the sweep they were made from: the sbatch script, run by bash
 * once per array task with SLURM's variables, and the Indexed Job's container arguments, run once per completion
 * index as Kubernetes would (its {@code $(VAR)} references filled in), both merge to the single-process summary.
 */
class EmittedJobFilesTest {

    private static final List<String> PLAN = List.of("govsim", "-s", "pasture", "--seeds", "1-2", "--months", "3");

    @TempDir
    Path dir;

    private static String polisOk(Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = PolisCli.execute(args.toArray(String[]::new), stream, stream, env);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }

    private static List<String> plus(List<String> base, String... extra) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(extra));
        return all;
    }

    private void assertMergesToSingle(Path sweep) throws IOException {
        Path single = dir.resolve("single");
        polisOk(Map.of(), plus(PLAN, "-o", single.toString()));
        polisOk(Map.of(), List.of("govsim", "merge", sweep.toString()));
        assertThat(Files.readString(sweep.resolve("summary.csv"))).isEqualTo(Files.readString(single.resolve(
                "summary.csv")));
    }

    @Test
    void theSbatchScriptRunByBashForEachArrayTaskPlaysTheSweep() throws Exception {
        Path sweep = dir.resolve("slurm-sweep");
        String script = polisOk(Map.of(), plus(PLAN, "-o", sweep.toString(), "--emit", "slurm", "--shards", "3"));
        assertThat(script).startsWith("#!/bin/bash\n").contains("#SBATCH --array=0-2\n", "#SBATCH --cpus-per-task=1\n",
                "polis govsim merge " + sweep);
        Path file = Files.writeString(dir.resolve("govsim.sbatch"), script);
        Path launcher = launcher();

        for (int task = 5; task < 8; task++) { // an array submitted as --array=5-7
            Map<String, String> env = new HashMap<>();
            env.put("POLIS", launcher.toString());
            env.put("SLURM_ARRAY_TASK_ID", Integer.toString(task));
            env.put("SLURM_ARRAY_TASK_MIN", "5");
            env.put("SLURM_ARRAY_TASK_COUNT", "3");
            ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("task" + task + ".out").toFile());
            builder.environment().putAll(env);
            Process run = builder.start();
            assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).as(Files.readString(dir.resolve("task" + task + ".out"))).isZero();
            assertThat(Files.readString(dir.resolve("task" + task + ".out")))
                    .contains("GovSim shard " + (task - 5) + "/3 of a 10-run plan");
        }
        assertMergesToSingle(sweep);
    }

    @Test
    void theIndexedJobsArgumentsRunForEachCompletionIndexPlayTheSweep() throws IOException {
        Path sweep = dir.resolve("k8s-sweep");
        String manifest = polisOk(Map.of(), plus(PLAN, "-o", sweep.toString(), "--emit=k8s", "--shards", "4",
                "--image", "registry.example.org/polis:0.1"));
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(manifest);
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        assertThat(job.at("/spec/completions").asInt()).isEqualTo(4);
        JsonNode container = job.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("registry.example.org/polis:0.1");
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        assertThat(env).containsEntry("POLIS_SHARD_COUNT", "4");
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args).isEqualTo(plus(PLAN, "-o", sweep.toString()));

        for (int index = 0; index < 4; index++) {
            Map<String, String> pod = new HashMap<>(env);
            pod.put("JOB_COMPLETION_INDEX", Integer.toString(index));
            assertThat(polisOk(pod, args)).contains("GovSim shard " + index + "/4 of a 10-run plan");
        }
        assertMergesToSingle(sweep);
    }

    @Test
    void theModelEndpointIsLeftForTheJobToFillIn() {
        String spec = "openai:${POLIS_MODEL_ENDPOINT}#qwen2.5:7b";
        List<String> args = List.of("govsim", "--model", spec, "-s", "fishery", "--seeds", "1-3", "-o", "study");

        String script = polisOk(Map.of(), plus(args, "--emit", "slurm", "--endpoint", "http://gpu07:8000/v1"));
        String manifest = polisOk(Map.of(), plus(args, "--emit", "k8s", "--endpoint", "http://gpu07:8000/v1"));

        assertThat(script).contains("export POLIS_MODEL_ENDPOINT=${POLIS_MODEL_ENDPOINT:-http://gpu07:8000/v1}",
                "--model openai:\"${POLIS_MODEL_ENDPOINT}\"'#qwen2.5:7b'", "#SBATCH --array=0-2");
        assertThat(manifest).contains("value: \"http://gpu07:8000/v1\"",
                "\"openai:$(POLIS_MODEL_ENDPOINT)#qwen2.5:7b\"");
    }

    @Test
    void theHelpShowsTheEndpointPlaceholderAsWrittenAndMergeHasHelp() {
        assertThat(polisOk(Map.of(), List.of("govsim", "--help")).replaceAll("\\s+", " "))
                .contains("write ${POLIS_MODEL_ENDPOINT} in --model");
        assertThat(polisOk(Map.of(), List.of("govsim", "merge", "--help"))).contains("Usage: polis govsim merge",
                "FOLDER", "missing or failed");
    }

    /** Writes a {@code polis} launcher that runs this test's class path, as the distribution's would. */
    private Path launcher() throws IOException {
        Path file = dir.resolve("polis");
        Files.writeString(file, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' dev.polis.core.cli.PolisCli \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
