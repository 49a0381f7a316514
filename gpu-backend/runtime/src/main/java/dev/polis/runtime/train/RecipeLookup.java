package dev.polis.runtime.train;

import java.util.Objects;
import java.util.function.Function;
import dev.polis.api.host.Extensions;

/**
 * Finds a {@link TrainingRecipe} by id among the host's extensions, so other plugins' recipes, such as
 * {@code layerskip}, can be named.
 */
public final class RecipeLookup {

    private final Function<String, TrainingRecipe> byId;

    private RecipeLookup(Function<String, TrainingRecipe> byId) {
        this.byId = byId;
    }

    /** Returns a lookup over every recipe the host knows. */
    public static RecipeLookup using(Extensions extensions) {
        Objects.requireNonNull(extensions, "extensions");
        return new RecipeLookup(id -> extensions.get(TrainingRecipe.class, id));
    }

    /**
     * Returns the recipe with {@code id}.
     *
     * @throws dev.polis.api.host.UnknownExtensionException when none has it; the message lists the known ids
     */
    public TrainingRecipe find(String id) {
        return byId.apply(id);
    }
}
