package dev.polis.core.cli.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;

/**
 * Checks that the folders searched for plugins exist, and counts what they hold.
 *
 * @param dirs the folders the host searches
 */
public record PluginFolderCheck(List<Path> dirs) implements DoctorCheck {

    /** Copies the list. */
    public PluginFolderCheck {
        dirs = List.copyOf(dirs);
    }

    @Override
    public String id() {
        return "plugin-folders";
    }

    @Override
    public CheckResult run() {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                found.add(dir + " (" + countEntries(dir) + " entries)");
            } else {
                missing.add(dir.toString());
            }
        }
        String advice = "create the folder and put plugin zips there, or point --plugins-dir or POLIS_PLUGINS_DIR"
                + " at an existing one";
        if (found.isEmpty()) {
            return CheckResult.warn("no plugin folder found (looked in " + String.join(", ", missing) + ")", advice);
        }
        if (!missing.isEmpty()) {
            return CheckResult.warn("plugin folders " + String.join(", ", found) + "; missing: "
                    + String.join(", ", missing), advice);
        }
        return CheckResult.pass("plugin folders " + String.join(", ", found));
    }

    private static long countEntries(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
