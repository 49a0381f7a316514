package dev.polis.runtime.train;

import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import org.pf4j.Extension;

/** Ordinary next-token training: no layer dropout, the whole loss on the last layer. Takes no settings. */
@Extension
public final class PlainRecipe implements TrainingRecipe {

    @Override
    public String id() {
        return PLAIN;
    }

    @Override
    public String description() {
        return "plain next-token training (no layer dropout, last-layer loss only)";
    }

    @Override
    public RecipePlan plan(Settings settings) {
        if (!settings.asMap().isEmpty()) {
            throw new InvalidInputException("recipe '" + PLAIN + "' takes no settings, but got "
                    + settings.asMap().keySet());
        }
        return new RecipePlan() {
            @Override
            public Map<String, Object> settings() {
                return Map.of();
            }

            @Override
            public String describe() {
                return PLAIN;
            }
        };
    }
}
