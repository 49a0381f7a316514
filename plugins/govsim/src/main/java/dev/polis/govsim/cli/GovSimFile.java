package dev.polis.govsim.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.polis.api.InvalidInputException;
import dev.polis.core.config.ConfigMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The optional configuration file of {@code polis govsim --config} (YAML or JSON): societies with per-agent members
 * (each member a policy or {@code llm:<model spec>}), and defaults for scenarios, experiments and seeds.
 *
 * @param societies   the societies to sweep
 * @param scenarios   scenario ids, or {@code null}
 * @param experiments experiment ids, or {@code null}
 * @param seeds       seeds, or {@code null}
 */
public record GovSimFile(List<SocietyEntry> societies, List<String> scenarios, List<String> experiments,
                         List<Long> seeds) {

    /**
     * One society in the file.
     *
     * @param name    its label
     * @param members one spec per persona
     */
    public record SocietyEntry(String name, List<String> members) {
    }

    /**
     * Reads the file.
     *
     * @throws InvalidInputException when it is missing or malformed
     */
    public static GovSimFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--config " + file + ": no such file");
        }
        try {
            return ConfigMappers.yaml().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), GovSimFile.class);
        } catch (IOException e) {
            throw new InvalidInputException("--config " + file + ": " + e.getMessage().lines().findFirst().orElse("")
                    + " (expected keys: societies[{name, members}], scenarios, experiments, seeds)", e);
        }
    }
}
