package dev.polis.snapkv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.core.cli.PolisCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis snapkv bench} and {@code accelerator.snapkv} through the real command line and plugin host (the
 * plugin's extensions are on the class path), on a checkpoint made by {@code polis model init}.
 */
class SnapKvBenchCommandTest {

    @TempDir
    static Path temp;

    private static Path model;

    @BeforeAll
    static void initModel() throws IOException {
        Files.createDirectories(temp.resolve("no-plugins"));
        Path arch = temp.resolve("arch.json");
        Files.writeString(arch, """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 3,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 256, "seed": 5,
                 "init_std": 0.3}
                """);
        model = temp.resolve("tiny");
        Run init = polis(Map.of(), "model", "init", "--arch", arch.toString(), model.toString());
        assertThat(init.status).as(init.err).isZero();
    }

    @Test
    void benchComparesBothAndWritesWhatSnapKvDidToEveryLayer() throws IOException {
        Path events = temp.resolve("events.jsonl");
        Run run = polis(Map.of(), "snapkv", "bench", "--model", model.toString(), "--prompt", "100", "--prompt", "10",
                "--decode", "4", "--capacity", "16", "--window", "4", "--kernel", "3", "--events", events.toString());
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).contains("SnapKV capacity 16, window 4, max-pool kernel 3")
                .containsPattern("prompt +100 full +: first token .* KV 40,320 B after the prompt")
                .containsPattern("prompt +100 snapkv: .* KV 12,288 B after the prompt.*3/3 layers compressed to 16")
                .containsPattern("prompt +10 snapkv: .*MiB given back on close; prompt within the capacity of 16: kept uncompressed")
                .containsPattern("SnapKV decodes \\d+\\.\\d\\dx as fast and holds 3\\.3x fewer KV bytes");
        List<String> lines = Files.readAllLines(events);
        assertThat(lines).filteredOn(l -> l.contains("\"event\":\"snapkv.prompt\",\"prompt\":100,")).hasSize(3)
                .allMatch(l -> l.contains("\"compressed\":true,\"slotsBefore\":100,\"slotsAfter\":16"));
        assertThat(lines).filteredOn(l -> l.contains("\"event\":\"snapkv.prompt\",\"prompt\":10,")).hasSize(3)
                .allMatch(l -> l.contains("kept uncompressed"));
        assertThat(lines).filteredOn(l -> l.contains("\"event\":\"generation\"")).hasSize(4);
    }

    @Test
    void eachSideAloneRunsOnlyItsOwnGenerationsAndReportsThePeakMemory() {
        Run full = polis(Map.of(), "snapkv", "bench", "--model", model.toString(), "--prompt", "100", "--decode", "2",
                "--capacity", "16", "--window", "4", "--kernel", "3", "--full-only");
        assertThat(full.status).as(full.err).isZero();
        assertThat(full.out).contains("host decode on").containsPattern("prompt +100 full +: first token")
                .doesNotContain("snapkv:")
                .containsPattern("process peak resident memory \\(VmHWM\\) \\d+\\.\\d MiB; at the end resident "
                        + "\\d+\\.\\d MiB \\(anonymous \\d+\\.\\d, file pages \\d+\\.\\d\\); Java heap committed");
        Run snap = polis(Map.of(), "snapkv", "bench", "--model", model.toString(), "--prompt", "100", "--decode", "2",
                "--capacity", "16", "--window", "4", "--kernel", "3", "--snapkv-only", "--host-decode", "false");
        assertThat(snap.status).as(snap.err).isZero();
        assertThat(snap.out).contains("host decode off").containsPattern("prompt +100 snapkv: .*3/3 layers compressed to 16").doesNotContain("full  :");
        Run both = polis(Map.of(), "snapkv", "bench", "--model", model.toString(), "--full-only", "--snapkv-only");
        assertThat(both.status).isEqualTo(2);
        assertThat(both.err).contains("--snapkv-only and --full-only exclude each other");
    }

    @Test
    void anEvenKernelExitsWithStatusTwoNamingTheSetting() {
        Run run = polis(Map.of(), "snapkv", "bench", "--model", model.toString(), "--kernel", "4");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("kernel: must be an odd number >= 1 but was 4");
    }

    @Test
    void aWindowLargerThanTheCapacityExitsWithStatusTwoNamingBoth() {
        Run run = polis(Map.of(), "snapkv", "bench", "--model", model.toString(), "--capacity", "8", "--window", "16");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("capacity: 8 is below the window of 16");
    }

    @Test
    void theOperatorInstallsItByIdAndAShortPromptRunsUncompressed() {
        Map<String, String> env = Map.of("POLIS_DEVICE", "cpu", "POLIS_DECODER", "decoder.greedy",
                "POLIS_ACCELERATORS", "accelerator.snapkv");
        Run with = polis(env, "generate", "--model", model.toString(), "--prompt", "the quick brown fox",
                "--max-tokens", "8");
        Run without = polis(Map.of("POLIS_DEVICE", "cpu", "POLIS_DECODER", "decoder.greedy"), "generate",
                "--model", model.toString(), "--prompt", "the quick brown fox", "--max-tokens", "8");
        assertThat(with.status).as(with.err).isZero();
        assertThat(with.out).as("a prompt within the default capacity of 2048 changes nothing").isEqualTo(without.out);
    }

    private static Run polis(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--plugins-dir";
        all[1] = temp.resolve("no-plugins").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int status = PolisCli.execute(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
