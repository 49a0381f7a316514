package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polis govsim} through the real launcher: the command is found on the classpath; exit codes hold. */
class GovSimCommandTest {

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int polis(String... args) {
        return PolisCli.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Test
    void defaultsPrintTheTableAndWriteTheReport() {
        int status = polis("govsim", "--seeds", "1-2", "-o", out.toString());
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("Surv. rate", "sustainable", "mixed", "Report:");
        assertThat(Files.isRegularFile(out.resolve("report.html"))).isTrue();
        assertThat(Files.isRegularFile(out.resolve("summary.csv"))).isTrue();
    }

    @Test
    void userErrorsExitTwoWithAMessage() {
        assertThat(polis("govsim", "--scenario", "ocean", "-o", out.toString())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("ocean", "fishery");
        assertThat(polis("govsim", "--experiment", "chaos", "-o", out.toString())).isEqualTo(2);
        assertThat(polis("govsim", "--society", "x=teleport", "-o", out.toString())).isEqualTo(2);
        assertThat(polis("govsim", "--seeds", "a-b", "-o", out.toString())).isEqualTo(2);
    }
}
