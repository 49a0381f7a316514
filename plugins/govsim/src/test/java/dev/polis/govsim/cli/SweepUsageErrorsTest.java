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
 * Mistakes a user can foresee in {@code polis govsim}'s options exit with status 2 and one message naming the option
 * and the fix, before any run starts and without a Java class name.
 */
class SweepUsageErrorsTest {

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
    void anOutputThatIsAFileIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThat(polis("govsim", "-s", "fishery", "--seeds", "1", "--months", "1", "-o", file.toString()))
                .isEqualTo(2);

        assertThat(err()).contains("-o " + file + ": ", "is a file, not a folder", "choose a folder")
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void anOutputWhereNoFolderCanBeMadeIsRefusedNamingIt() {
        assertThat(polis("govsim", "-s", "fishery", "--seeds", "1", "--months", "1", "-o", "/proc/polis-out"))
                .isEqualTo(2);

        assertThat(err()).contains("-o /proc/polis-out: cannot create the folder", "choose a folder you may write to")
                .doesNotContain("Exception", "file not found");
    }

    @Test
    void noRunsAtOnceIsRefusedRatherThanTakenAsOne() {
        assertThat(polis("govsim", "-s", "fishery", "--seeds", "1", "-j", "0", "-o", dir.toString())).isEqualTo(2);

        assertThat(err()).contains("-j 0: the number of runs played at once must be at least 1");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
