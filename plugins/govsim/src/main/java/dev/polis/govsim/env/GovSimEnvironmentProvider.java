package dev.polis.govsim.env;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.env.Environment;
import dev.polis.api.env.EnvironmentContext;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.govsim.game.CollapseRule;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.game.GovSimEnvironment;
import dev.polis.govsim.metrics.MetricsCalculator;
import dev.polis.govsim.protocol.Scenario;
import java.util.Locale;

/**
 * Base of the three {@code govsim.*} environment providers; reads the settings {@code experiment},
 * {@code horizon}, {@code initial_pool}, {@code capacity}, {@code collapse_rule} (code|paper) and
 * {@code clamp_requests}.
 */
abstract class GovSimEnvironmentProvider implements EnvironmentProvider {

    private final Scenario scenario;

    GovSimEnvironmentProvider(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public String id() {
        return "govsim." + scenario.id();
    }

    @Override
    public Environment create(EnvironmentContext context) {
        GovSimConfig config = config(scenario, context.settings(), context.run().seed());
        return GovSimEnvironment.forAgents(config, context.agentIds(),
                months -> MetricsCalculator.of(config).compute(months).asMap());
    }

    /** Reads a game configuration from an environment's settings. */
    static GovSimConfig config(Scenario scenario, Settings settings, long seed) {
        Experiment experiment = Experiment.parse(settings.string("experiment", "default"));
        GovSimConfig d = GovSimConfig.defaults(scenario, experiment, seed);
        String rule = settings.string("collapse_rule", "code").toUpperCase(Locale.ROOT);
        if (!rule.equals("CODE") && !rule.equals("PAPER")) {
            throw new InvalidInputException("collapse_rule: expected code or paper but found '" + rule + "'");
        }
        int pool = settings.intValue("initial_pool", d.initialPool());
        return new GovSimConfig(scenario, experiment, seed, settings.intValue("horizon", d.horizon()), pool,
                settings.intValue("capacity", pool), d.collapseThreshold(), CollapseRule.valueOf(rule),
                settings.booleanValue("clamp_requests", false), settings.booleanValue("fixed_initial_threshold", true),
                d.newcomerMonth(), d.newcomerKeepsLocalCount(), d.newcomerOwnClock(), d.maxConversationEntries(),
                settings.string("prompts").filter(s -> !s.isBlank()).map(java.nio.file.Path::of));
    }
}
