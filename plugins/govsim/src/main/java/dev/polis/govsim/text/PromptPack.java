package dev.polis.govsim.text;

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
import java.util.stream.Stream;
import dev.polis.api.InvalidInputException;

/**
 * A prompt pack: GovSim's built-in texts (files under {@value #RESOURCE_ROOT}), any subset of which a folder of
 * the researcher's replaces.
 *
 * <p>For text {@code name} of a scenario the lookup order is {@code <folder>/<scenario>/<name>.txt},
 * {@code <folder>/<name>.txt}, then the built-in file. A folder is checked when the pack is made: every
 * {@code .txt} file in it must be a text of {@link PromptCatalog} at the top level or in a scenario's folder, so a
 * misspelt file name is an error rather than a file silently ignored (other files, a README, are left alone).
 * Templates are parsed once and cached.
 */
public final class PromptPack {

    /** The class-path folder of the built-in texts. */
    public static final String RESOURCE_ROOT = "dev/polis/govsim/prompts/";

    private static final PromptPack BUILT_IN = new PromptPack(Optional.empty());

    private final Optional<Path> folder;
    private final Map<String, PromptTemplate> cache = new ConcurrentHashMap<>();

    private PromptPack(Optional<Path> folder) {
        this.folder = folder;
    }

    /** Returns the built-in texts. */
    public static PromptPack builtIn() {
        return BUILT_IN;
    }

    /** Returns the built-in texts, or those of {@code folder} over them when present. */
    public static PromptPack of(Optional<Path> folder) {
        return folder.isPresent() ? of(folder.get()) : BUILT_IN;
    }

    /**
     * Returns the built-in texts with the files of {@code folder} replacing theirs.
     *
     * @throws InvalidInputException when {@code folder} is not a folder or holds a {@code .txt} file that is no
     *                               known text; the message names the file and lists the known ones
     */
    public static PromptPack of(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("prompts: '" + folder + "' is not a folder; name a folder whose .txt "
                    + "files replace the built-in prompts (" + folder.toAbsolutePath() + ")");
        }
        check(folder);
        return new PromptPack(Optional.of(folder));
    }

    /** Returns the pack's folder, if it has one. */
    public Optional<Path> folder() {
        return folder;
    }

    /**
     * Returns the template of text {@code name} for scenario {@code scenarioId}.
     *
     * @throws InvalidInputException when {@code name} is no known text, or its file does not parse
     */
    public PromptTemplate template(String scenarioId, String name) {
        return cache.computeIfAbsent(scenarioId + "/" + name, key -> load(scenarioId, name));
    }

    private PromptTemplate load(String scenarioId, String name) {
        List<String> candidates = List.of(scenarioId + "/" + name + ".txt", name + ".txt");
        if (folder.isPresent()) {
            for (String relative : candidates) {
                Path file = folder.get().resolve(relative);
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
        folder.ifPresent(f -> candidates.forEach(c -> looked.add(f.resolve(c).toString())));
        candidates.forEach(c -> looked.add("built-in " + c));
        throw new InvalidInputException("no prompt '" + name + "' for scenario " + scenarioId + "; looked for "
                + String.join(", ", looked));
    }

    private static void check(Path folder) {
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".txt")).forEach(f -> {
                Path relative = folder.relativize(f);
                String file = relative.getFileName().toString();
                String name = file.substring(0, file.length() - ".txt".length());
                boolean placed = relative.getNameCount() == 1 || (relative.getNameCount() == 2
                        && PromptCatalog.SCENARIOS.contains(relative.getName(0).toString()));
                if (!placed || !PromptCatalog.known(name)) {
                    unknown.add(relative.toString().replace('\\', '/'));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list prompt pack " + folder + ": " + e.getMessage(), e);
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("prompt pack " + folder + ": unknown prompt file(s) " + unknown
                    + "; a pack holds <name>.txt or <scenario>/<name>.txt with a scenario of "
                    + PromptCatalog.SCENARIOS + " and a name of " + PromptCatalog.all().keySet()
                    + " (polis govsim --print-prompts shows where each is used)");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = PromptPack.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in prompt " + path + ": " + e.getMessage(), e);
        }
    }
}
