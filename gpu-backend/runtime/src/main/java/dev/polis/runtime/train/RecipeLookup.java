package dev.polis.runtime.train;

import java.util.Objects;
import java.util.function.Function;
import dev.polis.api.InvalidInputException;
import dev.polis.core.registry.ExtensionRegistry;

/**
 * Finds a {@link TrainingRecipe} by id: inside the host, in the extension registry (so other plugins' recipes, such
 * as {@code layerskip}, can be named); without a host, among the recipes given.
 */
public final class RecipeLookup {

    private final Function<String, TrainingRecipe> byId;

    private RecipeLookup(Function<String, TrainingRecipe> byId) {
        this.byId = byId;
    }

    /** Returns a lookup over every recipe the host knows. */
    public static RecipeLookup using(ExtensionRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new RecipeLookup(id -> registry.get(TrainingRecipe.class, id));
    }

    /** Returns a lookup over {@code recipes} only (this plugin's {@code plain} is always among them). */
    public static RecipeLookup of(TrainingRecipe... recipes) {
        return new RecipeLookup(id -> {
            if (id.equals(TrainingRecipe.PLAIN)) {
                return new PlainRecipe();
            }
            for (TrainingRecipe r : recipes) {
                if (r.id().equals(id)) {
                    return r;
                }
            }
            throw new InvalidInputException("unknown training recipe '" + id + "'; known: " + TrainingRecipe.PLAIN
                    + java.util.Arrays.stream(recipes).map(r -> ", " + r.id()).reduce("", String::concat));
        });
    }

    /** Returns the recipe with {@code id}. */
    public TrainingRecipe find(String id) {
        return byId.apply(id);
    }
}
