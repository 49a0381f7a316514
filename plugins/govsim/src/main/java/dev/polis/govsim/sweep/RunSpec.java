package dev.polis.govsim.sweep;

import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.protocol.Scenario;

/**
 * One run of a sweep: a society in a scenario under an experiment with a seed.
 *
 * @param society    who plays
 * @param scenario   the commons
 * @param experiment the variant
 * @param seed       the seed
 */
public record RunSpec(Society society, Scenario scenario, Experiment experiment, long seed) {

    /** Returns the run id, also its folder name: {@code <society>__<experiment>__<scenario>__s<seed>}. */
    public String id() {
        return safe(society.name()) + "__" + safe(experiment.id()) + "__" + scenario.id() + "__s" + seed;
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
