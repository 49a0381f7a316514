package dev.polis.layerskip.train;

import dev.polis.api.Settings;
import dev.polis.runtime.train.RecipePlan;
import dev.polis.runtime.train.TrainingRecipe;
import org.pf4j.Extension;

/**
 * The {@code layerskip} training recipe (spec §A.2): per-sample layer dropout rising with depth (and over time with
 * {@code fromScratch}), and the early-exit loss through the shared final norm and head with its per-layer scale and
 * curriculum. Settings: see {@link RecipeOptions}; for example
 * {@code polis model train --recipe layerskip --recipe-option pMax=0.1 --recipe-option curriculum=rotational}.
 */
@Extension
public final class LayerSkipRecipe implements TrainingRecipe {

    /** The recipe's id. */
    public static final String ID = "layerskip";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "LayerSkip: layer dropout rising with depth, early-exit loss (rotational or gradual curriculum)";
    }

    @Override
    public RecipePlan plan(Settings settings) {
        return new LayerSkipPlan(RecipeOptions.from(settings));
    }
}
