package dev.polis.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import dev.polis.api.InvalidInputException;

/**
 * Copies the checkpoint a fresh run starts from ({@code polis model train --init <folder>}) into the run's
 * {@code init/}: its configuration, tokenizer and weight files, not the trainer state of the run that wrote it.
 */
final class StartingCheckpoint {

    private StartingCheckpoint() {
    }

    /** Copies the checkpoint files of {@code source} into {@code target}. */
    static void copy(Path source, Path target) {
        if (!Files.isRegularFile(source.resolve("config.json"))) {
            throw new InvalidInputException("--init " + source + ": no config.json there; name a checkpoint folder "
                    + "(polis model init or polis mhmoe init writes one)");
        }
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(TrainerState.FILE) && !name.equals(TrainerState.OPTIMIZER)) {
                    Files.copy(f, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the checkpoint " + source + " into " + target, e);
        }
    }
}
