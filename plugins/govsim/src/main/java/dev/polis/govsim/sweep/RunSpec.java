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
 * @param name       the run id when it is not the derived one (an imported run named after its original folder),
 *                   else {@code null}
 */
public record RunSpec(SocietySpec society, Scenario scenario, Experiment experiment, long seed, String name) {

    /** Creates a run whose id is derived from its parts. */
    public RunSpec(SocietySpec society, Scenario scenario, Experiment experiment, long seed) {
        this(society, scenario, experiment, seed, null);
    }

    /**
     * Returns the run id, also its folder name: {@code <society>__<experiment>__<scenario>__s<seed>}, or the
     * explicit name made safe as a folder name.
     */
    public String id() {
        return name != null ? safe(name)
                : safe(society.name()) + "__" + safe(experiment.id()) + "__" + scenario.id() + "__s" + seed;
    }

    static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
