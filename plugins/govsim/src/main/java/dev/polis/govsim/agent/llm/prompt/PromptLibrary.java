package dev.polis.govsim.agent.llm.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.protocol.Scenario;

/**
 * Finds the LLM agent's prompt templates: built-in files under {@value #RESOURCE_ROOT}, each of which a file of
 * the same relative path in an override folder replaces.
 *
 * <p>For prompt {@code name} of a scenario the lookup order is {@code <folder>/<scenario>/<name>.txt},
 * {@code <folder>/<name>.txt}, then the built-in {@code <scenario>/<name>.txt} and {@code <name>.txt}, so a
 * folder can change one scenario's wording or every scenario's at once. Templates are parsed once and cached.
 */
public final class PromptLibrary {

    /** The class-path folder of the built-in prompts. */
    public static final String RESOURCE_ROOT = "dev/polis/govsim/prompts/";

    private final Optional<Path> overrides;
    private final Map<String, PromptTemplate> cache = new ConcurrentHashMap<>();

    private PromptLibrary(Optional<Path> overrides) {
        this.overrides = overrides;
    }

    /** Returns the built-in prompts. */
    public static PromptLibrary builtIn() {
        return new PromptLibrary(Optional.empty());
    }

    /**
     * Returns the built-in prompts with the files of {@code folder} replacing theirs.
     *
     * @throws InvalidInputException when {@code folder} is not a readable directory
     */
    public static PromptLibrary withOverrides(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("prompts: '" + folder + "' is not a folder; name a folder whose .txt "
                    + "files replace the built-in prompts (" + folder.toAbsolutePath() + ")");
        }
        return new PromptLibrary(Optional.of(folder));
    }

    /**
     * Returns the template {@code name} for {@code scenario}.
     *
     * @throws InvalidInputException when no file provides it, or it does not parse
     */
    public PromptTemplate template(Scenario scenario, String name) {
        return cache.computeIfAbsent(scenario.id() + "/" + name, key -> load(scenario, name));
    }

    private PromptTemplate load(Scenario scenario, String name) {
        List<String> candidates = List.of(scenario.id() + "/" + name + ".txt", name + ".txt");
        if (overrides.isPresent()) {
            for (String relative : candidates) {
                Path file = overrides.get().resolve(relative);
                if (Files.isRegularFile(file)) {
                    return PromptTemplate.parse(file.toString(), read(file));
                }
            }
        }
        for (String relative : candidates) {
            Optional<String> text = resource(RESOURCE_ROOT + relative);
            if (text.isPresent()) {
                return PromptTemplate.parse("built-in " + relative, text.get());
            }
        }
        List<String> looked = new ArrayList<>();
        overrides.ifPresent(folder -> candidates.forEach(c -> looked.add(folder.resolve(c).toString())));
        candidates.forEach(c -> looked.add("built-in " + c));
        throw new InvalidInputException("no prompt '" + name + "' for scenario " + scenario.id() + "; looked for "
                + String.join(", ", looked));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in prompt " + path + ": " + e.getMessage(), e);
        }
    }
}
