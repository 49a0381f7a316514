package dev.polis.govsim.sweep;

import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.protocol.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a sweep: every society × experiment × scenario × seed.
 *
 * @param societies   the societies (table rows)
 * @param experiments the experiments
 * @param scenarios   the scenarios
 * @param seeds       the seeds
 */
public record SweepPlan(List<SocietySpec> societies, List<Experiment> experiments, List<Scenario> scenarios,
                        List<Long> seeds) {

    /** Copies the lists. */
    public SweepPlan {
        societies = List.copyOf(societies);
        experiments = List.copyOf(experiments);
        scenarios = List.copyOf(scenarios);
        seeds = List.copyOf(seeds);
    }

    /** Returns the runs in a stable order. */
    public List<RunSpec> runs() {
        List<RunSpec> runs = new ArrayList<>();
        for (SocietySpec society : societies) {
            for (Experiment experiment : experiments) {
                for (Scenario scenario : scenarios) {
                    for (long seed : seeds) {
                        runs.add(new RunSpec(society, scenario, experiment, seed));
                    }
                }
            }
        }
        return runs;
    }
}
