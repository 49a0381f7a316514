package dev.polis.core.cli;

import static dev.polis.core.cli.CliRun.polis;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the commands that need the plugin host: {@code plugins}, {@code doctor} and plugin subcommands
 * (the {@link HelloCommandProvider} on the test class path).
 */
class PluginCommandsCliTest {

    @TempDir
    Path dir;

    @Test
    void pluginsOnAnEmptyFolderNamesTheFolderAndExitsZero() {
        CliRun run = polis("plugins", "--plugins-dir", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Plugin folders: " + dir.toAbsolutePath());
        assertThat(run.out()).doesNotContain("FAILED");
    }

    @Test
    void pluginsAsJsonListsTheFolders() {
        CliRun run = polis("--plugins-dir", dir.toString(), "plugins", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"pluginDirs\"", "\"plugins\"", dir.getFileName().toString());
    }

    @Test
    void doctorReportsTheJdkAndPassesOnAnEmptyFolder() {
        CliRun run = polis("doctor", "--plugins-dir", dir.toString());

        assertThat(run.out()).as(run.toString())
                .containsPattern("PASS +jdk +Java " + System.getProperty("java.version").replace(".", "\\."))
                .contains("resources", "Checks: ");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void doctorWarnsAboutAMissingPluginFolder() {
        CliRun run = polis("doctor", "--plugins-dir", dir.resolve("absent").toString());

        assertThat(run.out()).as(run.toString()).containsPattern("WARN +plugin-folders +no plugin folder found")
                .contains("advice: ");
    }

    @Test
    void commandProviderOnTheClassPathBecomesASubcommand() {
        CliRun run = polis("--plugins-dir", dir.toString(), HelloCommandProvider.ID, "polis");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualToIgnoringNewLines("hello, polis");
    }

    @Test
    void pluginSubcommandsAreListedInTheHelpAndGetAHelpOption() {
        CliRun help = polis("--plugins-dir", dir.toString(), "--help");
        CliRun commandHelp = polis("--plugins-dir", dir.toString(), HelloCommandProvider.ID, "--help");

        assertThat(help.out()).as(help.toString()).contains(HelloCommandProvider.ID);
        assertThat(commandHelp.exitCode()).as(commandHelp.toString()).isZero();
        assertThat(commandHelp.out()).contains("Usage: polis " + HelloCommandProvider.ID);
    }
}
