package dev.polis.govsim.io;

import dev.polis.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the runs to import under a path: a {@code log_env.json}, a run folder holding one, or a folder of run
 * folders in any layout (the original writes {@code simulation/results/<scenario>_<version>/<group>/<run>/}).
 */
public final class OriginalRuns {

    private OriginalRuns() {
    }

    /**
     * Returns every {@code log_env.json} under {@code path}, in path order.
     *
     * @throws InvalidInputException when there is none
     */
    public static List<Path> find(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("--import " + path + ": no such file or folder");
        }
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(path)) {
            files.filter(p -> p.getFileName().toString().equals("log_env.json") && Files.isRegularFile(p))
                    .sorted().forEach(logs::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
        if (logs.isEmpty()) {
            throw new InvalidInputException("--import " + path + ": no log_env.json in it or below it; give a GovSim "
                    + "run folder, a folder of run folders, or a log_env.json");
        }
        return logs;
    }
}
