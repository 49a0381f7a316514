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

/**
 * {@code polis govsim}'s horizon and config file errors exit 2 with one message naming the option or the file's
 * line and what would be right, with no Java class name, and no run starts.
 */
class GovSimOptionErrorsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int polis(String... args) {
        return PolisCli.execute(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHorizonBeyondTheBoundIsRefusedSayingTheBound() {
        assertThat(polis("govsim", "-s", "fishery", "--seeds", "1", "--months", "3000", "-o", dir.toString()))
                .isEqualTo(2);

        assertThat(err()).contains("--months 3000: must be from 1 to 1200").doesNotContain("Exception");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void anUnknownKeyInTheConfigFileIsNamedWithItsLine() throws Exception {
        Path config = Files.writeString(dir.resolve("govsim.yaml"), "scenarios: [fishery]\nsocietys:\n  - x\n");

        assertThat(polis("govsim", "--config", config.toString(), "-o", dir.resolve("out").toString())).isEqualTo(2);

        assertThat(err()).contains("govsim.yaml:2:", "societys").doesNotContain("Exception", "dev.polis", "\tat ");
    }

    @Test
    void aConfigFileThatIsNotYamlIsNamedWithItsLine() throws Exception {
        Path config = Files.writeString(dir.resolve("govsim.yaml"), "scenarios: [fishery\nseeds: 1-2\n");

        assertThat(polis("govsim", "--config", config.toString(), "-o", dir.resolve("out").toString())).isEqualTo(2);

        assertThat(err()).contains("govsim.yaml").containsPattern("govsim\\.yaml:\\d+")
                .doesNotContain("Exception", "dev.polis", "\tat ");
    }
}
