package dev.polis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.ArchitectureSpec;
import dev.polis.runtime.checkpoint.CheckpointInitializer;
import dev.polis.runtime.fixtures.TestHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    static Path temp;

    private static Path folder;

    /** Writes a tiny random checkpoint as {@code polis model init} does. */
    @BeforeAll
    static void writeCheckpoint() throws Exception {
        Path description = Files.writeString(temp.resolve("architecture.json"), """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 256, "seed": 3}
                """);
        folder = Files.createDirectories(temp.resolve("tiny"));
        CheckpointInitializer.write(ArchitectureSpec.read(description), description, folder);
    }

    @Test
    void streamsARawContinuationAndASummary() {
        Run run = run("--model", folder.toString(), "--prompt", "Once upon a time", "--max-tokens", "12");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).containsPattern("\\[16 prompt tokens, \\d+ generated, finish (length|stop), decoder.greedy");
        assertThat(run.out).endsWith(System.lineSeparator());
    }

    @Test
    void greedyOutputIsReproducibleAndSeededSamplingToo() {
        String[] greedy = {"--model", folder.toString(), "--prompt", "abc", "--max-tokens", "10"};
        assertThat(run(greedy).out).isEqualTo(run(greedy).out);
        String[] sampled = {"--model", folder.toString(), "--prompt", "abc", "--max-tokens", "10", "--temperature",
            "1.2", "--seed", "4"};
        Run first = run(sampled);
        assertThat(first.err).contains("decoder.sampling");
        assertThat(first.out).isEqualTo(run(sampled).out);
    }

    @Test
    void chatModeRendersTheTemplate() {
        Run run = run("--model", folder.toString(), "--prompt", "Hi", "--chat", "--system", "Be brief.", "--max-tokens", "4");
        assertThat(run.exitCode).as(run.err).isZero();
        String rendered = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n";
        int promptTokens = rendered.replace("<|im_start|>", "S").replace("<|im_end|>", "E").length();
        assertThat(run.err).contains("[" + promptTokens + " prompt tokens");
    }

    @Test
    void cudaWithoutCudaIsAUserError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.polis.runtime.engine.PyTorchEngine.get().getGpuCount() == 0);
        Run run = run("--model", folder.toString(), "--prompt", "x", "--device", "cuda:0");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.failure).isInstanceOf(InvalidInputException.class).hasMessageContaining("no CUDA GPU");
    }

    @Test
    void badOptionsAreRejected() {
        assertThat(run("--model", folder.toString(), "--prompt", "x", "--top-p", "1.5").err).contains("--top-p must be in (0, 1]");
        assertThat(run("--model", folder.toString(), "--prompt", "x", "--decoder", "decoder.nope").failure)
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("decoder.nope");
        assertThat(run("--model", folder.toString(), "--prompt", "x", "--decoder-option", "exitLayer=2").failure)
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--decoder-option")
                .hasMessageContaining("--decoder");
    }

    private static Run run(String... args) {
        Run run = new Run();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(TestHost.generateCommand().newCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        line.setExecutionExceptionHandler((e, cl, parsed) -> {
            run.failure = e;
            return 2;
        });
        run.exitCode = line.execute(args);
        run.out = out.toString();
        run.err = err.toString();
        return run;
    }

    private static final class Run {
        int exitCode;
        String out;
        String err;
        Exception failure;
    }
}
