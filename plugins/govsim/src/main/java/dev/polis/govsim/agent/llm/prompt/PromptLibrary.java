package dev.polis.govsim.agent.llm.prompt;

import java.nio.file.Path;
import java.util.Objects;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.text.PromptPack;
import dev.polis.govsim.text.PromptTemplate;

/**
 * The LLM agent's view of a {@link PromptPack}: its templates looked up by {@link Scenario}.
 *
 * <p>For prompt {@code name} of a scenario the lookup order is {@code <folder>/<scenario>/<name>.txt},
 * {@code <folder>/<name>.txt}, then the built-in {@code <scenario>/<name>.txt} and {@code <name>.txt}, so a
 * folder can change one scenario's wording or every scenario's at once.
 */
public final class PromptLibrary {

    /** The class-path folder of the built-in prompts. */
    public static final String RESOURCE_ROOT = PromptPack.RESOURCE_ROOT;

    private final PromptPack pack;

    private PromptLibrary(PromptPack pack) {
        this.pack = Objects.requireNonNull(pack, "pack");
    }

    /** Returns the built-in prompts. */
    public static PromptLibrary builtIn() {
        return new PromptLibrary(PromptPack.builtIn());
    }

    /** Returns the prompts of {@code pack}. */
    public static PromptLibrary of(PromptPack pack) {
        return new PromptLibrary(pack);
    }

    /**
     * Returns the built-in prompts with the files of {@code folder} replacing theirs.
     *
     * @throws InvalidInputException when {@code folder} is not a folder or holds a file that is no known prompt
     */
    public static PromptLibrary withOverrides(Path folder) {
        return new PromptLibrary(PromptPack.of(folder));
    }

    /** Returns the pack the prompts come from. */
    public PromptPack pack() {
        return pack;
    }

    /**
     * Returns the template {@code name} for {@code scenario}.
     *
     * @throws InvalidInputException when no file provides it, or it does not parse
     */
    public PromptTemplate template(Scenario scenario, String name) {
        return pack.template(scenario.id(), name);
    }
}
