package dev.polis.govsim.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.protocol.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What an imported run's folder says about it: scenario, experiment, model, seed and horizon.
 *
 * <p>Read from the original's {@code .hydra/config.yaml} beside {@code log_env.json} ({@code experiment.scenario},
 * {@code experiment.env.name}, {@code experiment.env.max_num_rounds}, {@code llm.path} or {@code mix_llm},
 * {@code seed}), else from a Polis run folder's {@code spec.json}; what neither says comes from the folder names
 * ({@code fishing_v7.0/...}) or stays unknown (empty).
 *
 * @param log        the run's {@code log_env.json}
 * @param name       the run's folder name
 * @param scenario   the scenario, when known
 * @param experiment the experiment, when known
 * @param model      the model label (a table row), when known
 * @param seed       the seed, when known
 * @param horizon    the months a surviving run lasts, when known
 */
public record OriginalRun(Path log, String name, Optional<Scenario> scenario, Optional<Experiment> experiment,
                          Optional<String> model, Optional<Long> seed, Optional<Integer> horizon) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads what is known about the run whose log is {@code log}. */
    public static OriginalRun of(Path log) {
        Path folder = log.toAbsolutePath().getParent();
        String name = folder.getFileName() == null ? "run" : folder.getFileName().toString();
        Path hydra = folder.resolve(".hydra").resolve("config.yaml");
        if (Files.isRegularFile(hydra)) {
            return fromHydra(log, name, read(YAML, hydra));
        }
        Path spec = folder.resolve("spec.json");
        if (Files.isRegularFile(spec)) {
            return fromSpec(log, name, read(Json.MAPPER, spec));
        }
        return new OriginalRun(log, name, scenarioFromPath(folder), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static OriginalRun fromHydra(Path log, String name, JsonNode config) {
        JsonNode experiment = config.path("experiment");
        Optional<Scenario> scenario = text(experiment.path("scenario")).flatMap(OriginalRun::scenario)
                .or(() -> scenarioFromPath(log.toAbsolutePath().getParent()));
        Optional<Experiment> variant = text(experiment.path("env").path("name")).map(OriginalRun::experiment);
        Optional<String> model = config.path("mix_llm").isArray() && !config.path("mix_llm").isEmpty()
                ? Optional.of("mix_llm") : text(config.path("llm").path("path"));
        Optional<Long> seed = config.path("seed").isIntegralNumber() ? Optional.of(config.path("seed").asLong())
                : Optional.empty();
        Optional<Integer> horizon = experiment.path("env").path("max_num_rounds").isIntegralNumber()
                ? Optional.of(experiment.path("env").path("max_num_rounds").asInt()) : Optional.empty();
        return new OriginalRun(log, name, scenario, variant, model, seed, horizon);
    }

    private static OriginalRun fromSpec(Path log, String name, JsonNode spec) {
        JsonNode experiment = spec.path("experiment");
        Optional<Experiment> variant = experiment.isObject() ? Optional.of(new Experiment(
                experiment.path("universalization").asBoolean(false), experiment.path("communication").asBoolean(true),
                experiment.path("newcomer").asBoolean(false))) : Optional.empty();
        return new OriginalRun(log, name, text(spec.path("scenario")).flatMap(OriginalRun::scenario), variant,
                text(spec.path("society").path("name")), spec.path("seed").isIntegralNumber()
                ? Optional.of(spec.path("seed").asLong()) : Optional.empty(), Optional.empty());
    }

    /**
     * Maps an original experiment config name ({@code fish_baseline_concurrent_universalization},
     * {@code sheep_perturbation_outsider}, ...) to ours; paraphrased prompts count as the default experiment.
     */
    static Experiment experiment(String envName) {
        String id = envName.toLowerCase(Locale.ROOT);
        return new Experiment(id.contains("universalization"), !id.contains("no_language"), id.contains("outsider"));
    }

    private static Optional<Scenario> scenario(String text) {
        try {
            return Optional.of(Scenario.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Finds the scenario in the folder names above the run ({@code fishing_v7.0}, {@code sheep_v7.0}). */
    private static Optional<Scenario> scenarioFromPath(Path folder) {
        for (Path p = folder; p != null && p.getFileName() != null; p = p.getParent()) {
            String part = p.getFileName().toString().toLowerCase(Locale.ROOT).split("[_.\\-]")[0];
            Optional<Scenario> found = scenario(part);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().trim()) : Optional.empty();
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            JsonNode node = mapper.readTree(file.toFile());
            return node == null ? mapper.createObjectNode() : node;
        } catch (IOException e) {
            throw new InvalidInputException(file + " cannot be read: " + e.getMessage()
                    + "; fix it or remove it to import the run without it", e);
        }
    }
}
