package dev.polis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.tokenizer.TokenizerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code polis bench} reports every figure it promises on a tiny checkpoint. */
class BenchCommandTest {

    @Test
    void reportsTimeToFirstTokenDecodeSpeedAndTheBandwidthBound(@TempDir Path dir) {
        new TinyCheckpoint().writeTo(dir);
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(TestHost.benchCommand().newCommand());
        cli.setOut(new PrintWriter(text));
        int status = cli.execute("--model", dir.toString(), "--prompt", "8", "--prompt", "32", "--decode", "4",
                "--runs", "1", "--warmup", "0", "--bandwidth-mib", "16");
        assertThat(status).isZero();
        assertThat(text.toString()).contains("decoder decoder.greedy; accelerators: none")
                .contains("read bandwidth (16 MiB, best of 5): matrix-vector").contains("copy")
                .contains("prompt     8 tokens: time to first token")
                .contains("prompt    32 tokens").contains("tokens/s").contains("of the read-bandwidth bound");
    }

    @Test
    void withAJsonSchemaItAlsoTimesConstrainedDecodingAgainstUnconstrained(@TempDir Path dir) throws Exception {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.vocab = 300;
        checkpoint.writeTo(dir);
        TokenizerFiles.writeByteLevel(dir, List.of("<|endoftext|>"));
        Path schema = Files.writeString(dir.resolve("schema.json"),
                "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}}");
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(TestHost.benchCommand().newCommand());
        cli.setOut(new PrintWriter(text));
        int status = cli.execute("--model", dir.toString(), "--prompt", "8", "--decode", "4", "--runs", "1",
                "--warmup", "0", "--bandwidth-mib", "16", "--json-schema", schema.toString());
        assertThat(status).isZero();
        assertThat(text.toString()).containsPattern("constrained decode \\(schema.json\\): median [0-9.]+ ms/token "
                + "\\(p90 [0-9.]+ ms\\); [-+][0-9.]+% per token against unconstrained; the mask itself [0-9.]+ ms/token");
    }
}
