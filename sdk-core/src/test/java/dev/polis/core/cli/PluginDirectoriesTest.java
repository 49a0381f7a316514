package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks where plugin folders come from and in which order they are searched. */
class PluginDirectoriesTest {

    private static Path abs(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    @Test
    void defaultsToPluginsInTheCurrentFolder() {
        assertThat(PluginDirectories.resolve(List.of(), Map.of(), null)).containsExactly(abs("plugins"));
    }

    @Test
    void optionsThenEnvironmentThenInstallationFolderWithoutDuplicates() {
        Map<String, String> env = Map.of(PluginDirectories.ENV, "env1" + File.pathSeparator + "opt" + File.pathSeparator);

        List<Path> dirs = PluginDirectories.resolve(List.of(Path.of("opt")), env, "/opt/polis/plugins");

        assertThat(dirs).containsExactly(abs("opt"), abs("env1"), abs("/opt/polis/plugins"));
    }
}
