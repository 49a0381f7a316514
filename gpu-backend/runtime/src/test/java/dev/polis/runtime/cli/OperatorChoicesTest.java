package dev.polis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.polis.core.cli.PolisCli;
import dev.polis.runtime.fixtures.RecordingAccelerator;
import dev.polis.runtime.fixtures.RecordingDecoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POLIS_DEVICE}, {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS} reach the model of {@code polis generate}
 * and {@code polis bench}, run through the real command line and plugin host (the test decoder and accelerator are
 * class-path extensions).
 */
class OperatorChoicesTest {

    private static final Map<String, String> OPERATOR = Map.of("POLIS_DEVICE", "cpu",
            "POLIS_DECODER", RecordingDecoder.ID, "POLIS_ACCELERATORS", RecordingAccelerator.ID);

    @TempDir
    static Path temp;

    private static Path model;

    /** Makes the checkpoint with {@code polis model init}, through the same command line. */
    @BeforeAll
    static void initModel() throws Exception {
        Files.createDirectories(temp.resolve("no-plugins"));
        Path arch = Files.writeString(temp.resolve("arch.json"), """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 128, "seed": 3}
                """);
        model = temp.resolve("tiny");
        Run init = polis(Map.of(), "model", "init", "--arch", arch.toString(), model.toString());
        assertThat(init.status).as(init.err).isZero();
    }

    @BeforeEach
    void forget() {
        RecordingDecoder.clear();
        RecordingAccelerator.clear();
    }

    @Test
    void generateDecodesWithTheOperatorsDecoderOnAModelWithTheOperatorsAccelerators() {
        Run run = polis(OPERATOR, "generate", "--model", model.toString(), "--prompt", "abc", "--max-tokens", "3");
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.err).contains(RecordingDecoder.ID);
        assertThat(RecordingDecoder.USES).singleElement().satisfies(use -> {
            assertThat(use.folder()).isEqualTo(model);
            assertThat(use.options()).isEmpty();
        });
        assertThat(RecordingAccelerator.INSTALLS).singleElement().satisfies(install -> {
            assertThat(install.runtime()).isTrue();
            assertThat(install.model()).contains(model.toString());
        });
    }

    @Test
    void benchTimesTheOperatorsDecoderOnAModelWithTheOperatorsAccelerators() {
        Run run = polis(OPERATOR, "bench", "--model", model.toString(), "--prompt", "8", "--decode", "3",
                "--runs", "1", "--warmup", "0", "--bandwidth-mib", "16");
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).contains("on cpu").contains("decoder " + RecordingDecoder.ID + "; accelerators: "
                + RecordingAccelerator.ID);
        assertThat(RecordingDecoder.USES).singleElement()
                .satisfies(use -> assertThat(use.folder()).isEqualTo(model));
        assertThat(RecordingAccelerator.INSTALLS).singleElement()
                .satisfies(install -> assertThat(install.model()).contains(model.toString()));
    }

    @Test
    void flagsWinOverTheOperatorsChoicesAndDecoderOptionsReachTheDecoder() {
        Run greedy = polis(OPERATOR, "generate", "--model", model.toString(), "--prompt", "abc", "--max-tokens", "2",
                "--decoder", "decoder.greedy");
        assertThat(greedy.status).as(greedy.err).isZero();
        assertThat(greedy.err).contains("decoder.greedy");
        assertThat(RecordingDecoder.USES).isEmpty();
        assertThat(RecordingAccelerator.INSTALLS).hasSize(1);
        Run configured = polis(OPERATOR, "generate", "--model", model.toString(), "--prompt", "abc",
                "--max-tokens", "2", "--decoder-option", "exitLayer=1", "--decoder-option", "mode=fast");
        assertThat(configured.status).as(configured.err).isZero();
        assertThat(RecordingDecoder.USES).singleElement().satisfies(use ->
                assertThat(use.options()).isEqualTo(Map.of("exitLayer", 1L, "mode", "fast")));
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
