package dev.polis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.fixtures.TinyCheckpoint;
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
                "--runs", "1", "--warmup", "0");
        assertThat(status).isZero();
        assertThat(text.toString()).contains("decoder decoder.greedy; accelerators: none").contains("copy bandwidth")
                .contains("prompt     8 tokens: time to first token")
                .contains("prompt    32 tokens").contains("tokens/s").contains("of the bandwidth bound");
    }
}
