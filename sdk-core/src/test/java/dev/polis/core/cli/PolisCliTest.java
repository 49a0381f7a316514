package dev.polis.core.cli;

import static dev.polis.core.cli.CliRun.polis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the exit statuses and messages of {@code polis} for help, usage errors and input errors. */
class PolisCliTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCoreCommandsAndExitsZero() {
        CliRun run = polis("--plugins-dir", dir.toString(), "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: polis", "plugins", "doctor", "run", "--plugins-dir", "--verbose");
    }

    @Test
    void everyCoreCommandHasHelp() {
        for (String command : PolisCli.CORE_COMMANDS) {
            CliRun run = polis(command, "--help");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Usage: polis " + command);
        }
    }

    @Test
    void versionNamesPolisAndJava() {
        CliRun run = polis("--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("polis ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void unknownCommandIsAUsageErrorThatListsTheKnownOnes() {
        CliRun run = polis("--plugins-dir", dir.toString(), "frobnicate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("polis: unknown command 'frobnicate'", "doctor", "plugins",
                "Try 'polis --help'");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void badOptionIsAUsageErrorNamingTheOptionAndTheCommandsHelp() {
        CliRun run = polis("doctor", "--frobnicate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("polis: Unknown option: '--frobnicate'", "Try 'polis doctor --help'");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void noCommandPrintsTheUsageAsAUsageError() {
        CliRun run = polis("--plugins-dir", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no command given", "Usage: polis");
    }

    @Test
    void missingConfigFileIsAnInputErrorNamingTheFile() {
        Path missing = dir.resolve("no-such-pipeline.yaml");

        CliRun run = polis("run", missing.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("polis: pipeline file not found: ").contains(missing.toString());
        assertThat(run.err()).doesNotContain("\tat ", "unexpected error");
    }

    @Test
    void folderInsteadOfConfigFileIsAnInputError() {
        CliRun run = polis("run", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is a folder");
    }

    @Test
    void invalidConfigIsAnInputErrorWithoutStackTrace() throws IOException {
        Path config = Files.writeString(dir.resolve("broken.yaml"), "agents: [unclosed\n  - {\n");

        CliRun run = polis("--plugins-dir", dir.toString(), "run", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("polis: ").doesNotContain("\tat ", "unexpected error");
    }

    @Test
    void invalidConfigWithVerboseShowsTheStackTrace() throws IOException {
        Path config = Files.writeString(dir.resolve("broken.yaml"), "agents: [unclosed\n  - {\n");

        CliRun run = polis("--verbose", "--plugins-dir", dir.toString(), "run", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("polis: ").contains("\tat ");
    }
}
