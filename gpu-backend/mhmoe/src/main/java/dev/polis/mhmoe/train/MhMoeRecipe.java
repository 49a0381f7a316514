package dev.polis.mhmoe.train;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.runtime.train.RecipePlan;
import dev.polis.runtime.train.TrainingRecipe;
import org.pf4j.Extension;

/**
 * The {@code mhmoe} training recipe: ordinary next-token training of a checkpoint whose {@code mhmoe} block makes
 * some layers MH-MoE (start from one {@code polis mhmoe init} wrote: {@code polis model train --init <folder>
 * --recipe mhmoe}); each such layer's block computes through the trainer's seam with the block's capacity factor,
 * and adds {@code balance_loss_weight · l_aux} to the step's loss. The recipe takes no options: the checkpoint's
 * block is the configuration.
 */
@Extension
public final class MhMoeRecipe implements TrainingRecipe {

    /** The recipe's id. */
    public static final String ID = "mhmoe";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MH-MoE: trains the checkpoint's mixture-of-experts blocks with their load-balancing loss";
    }

    @Override
    public RecipePlan plan(Settings settings) {
        if (!settings.asMap().isEmpty()) {
            throw new InvalidInputException("recipe mhmoe takes no --recipe-option (given: "
                    + settings.asMap().keySet() + "); its settings are the checkpoint's config.json mhmoe block");
        }
        return new MhMoePlan();
    }
}
