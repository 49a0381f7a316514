package dev.polis.runtime.accelerators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.polis.core.cli.PolisCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POLIS_ACCELERATORS=a,b,c} installs the accelerators in the order written, through the real command line
 * and plugin host (the test accelerators are class-path extensions); the three installed together generate what the
 * cache policy alone generates, since the other two change no result.
 */
class AcceleratorOrderTest {

    private static final String ALL = String.join(",", TwoHalfPrefill.ID, CountingFeedForward.ID, KeepLastPolicy.ID);

    @TempDir
    static Path temp;

    private static Path model;

    @BeforeAll
    static void initModel() {
        Path arch = temp.resolve("arch.json");
        try {
            Files.createDirectories(temp.resolve("no-plugins"));
            Files.writeString(arch, """
                    {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 3,
                     "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 128, "seed": 5,
                     "init_std": 0.3}
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model = temp.resolve("tiny");
        Run init = polis(Map.of(), "model", "init", "--arch", arch.toString(), model.toString());
        assertThat(init.status).as(init.err).isZero();
    }

    @BeforeEach
    void forget() {
        InstallLog.clear();
    }

    @Test
    void acceleratorsAreInstalledInTheOrderTheOperatorWroteThem() {
        Run run = generate(ALL);
        assertThat(run.status).as(run.err).isZero();
        assertThat(InstallLog.ORDER).containsExactly(TwoHalfPrefill.ID, CountingFeedForward.ID, KeepLastPolicy.ID);
        InstallLog.clear();
        Run reversed = generate(String.join(",", KeepLastPolicy.ID, CountingFeedForward.ID, TwoHalfPrefill.ID));
        assertThat(reversed.status).as(reversed.err).isZero();
        assertThat(InstallLog.ORDER).containsExactly(KeepLastPolicy.ID, CountingFeedForward.ID, TwoHalfPrefill.ID);
    }

    @Test
    void theThreeTogetherGenerateWhatTheCachePolicyAloneGenerates() {
        Run all = generate(ALL);
        Run policy = generate(KeepLastPolicy.ID);
        Run none = generate(null);
        assertThat(all.status).as(all.err).isZero();
        assertThat(all.out).as("text with all three").isNotBlank().isEqualTo(policy.out);
        assertThat(none.out).as("text with no accelerator (the cache policy must change it)").isNotEqualTo(all.out);
    }

    private static Run generate(String accelerators) {
        Map<String, String> operator = new HashMap<>(Map.of("POLIS_DEVICE", "cpu", "POLIS_DECODER", "decoder.greedy"));
        if (accelerators != null) {
            operator.put("POLIS_ACCELERATORS", accelerators);
        }
        return polis(operator, "generate", "--model", model.toString(), "--prompt",
                "the quick brown fox jumps over the lazy dog", "--max-tokens", "24");
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
        @Override
        public String toString() {
            return List.of(status, out, err).toString();
        }
    }
}
