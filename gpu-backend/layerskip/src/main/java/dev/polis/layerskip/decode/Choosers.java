package dev.polis.layerskip.decode;

import java.util.concurrent.ThreadLocalRandom;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.runtime.decode.Argmax;
import dev.polis.runtime.decode.LogitSampler;
import dev.polis.runtime.decode.TokenChooser;

/** Picks the runtime's token chooser for request settings: greedy at temperature 0 or unset, sampling above. */
final class Choosers {

    private Choosers() {
    }

    /** Returns whether {@code settings} ask for sampling. */
    static boolean sampling(GenerationSettings settings) {
        return settings.temperature() != null && settings.temperature() > 0;
    }

    /** Returns the seed of {@code settings}, or a fresh random one. */
    static long seed(GenerationSettings settings) {
        return settings.seed() != null ? settings.seed() : ThreadLocalRandom.current().nextLong();
    }

    /** Returns a chooser for one generation under {@code settings}. */
    static TokenChooser of(GenerationSettings settings) {
        if (!sampling(settings)) {
            return new Argmax();
        }
        return new LogitSampler(settings.temperature(), settings.topK() == null ? 0 : settings.topK(),
                settings.topP() == null ? 1.0 : settings.topP(), seed(settings));
    }
}
