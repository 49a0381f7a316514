package dev.polis.govsim.game;

import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.text.GameTexts;
import dev.polis.govsim.text.PromptPack;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that fixes one GovSim game apart from its agents: scenario, experiment, seed, dynamics and the
 * documented choices on the original's quirks (spec §9).
 *
 * @param scenario                  the commons played
 * @param experiment                the experiment variant
 * @param seed                      seeds the allocation (quirk 1: the original was unseeded; we always seed)
 * @param horizon                   months at most (12; 15 with the newcomer)
 * @param initialPool               the pool at the start (100)
 * @param capacity                  the most the pool regrows to (quirk 8: the original uses the initial pool; default 100)
 * @param collapseThreshold         C = 5
 * @param collapseRule              quirk 7: {@link CollapseRule#CODE} (default, {@code < 5}) or {@link CollapseRule#PAPER}
 * @param clampRequests             quirk 5: false (default, faithful) lets a request exceed the pool
 * @param fixedInitialThreshold     quirk 11: true (default, faithful) starts the per-agent threshold at 10 whatever n
 * @param newcomerMonth             the 0-based month the newcomer first plays (3)
 * @param newcomerKeepsLocalCount   quirk 9: true (default, faithful) keeps n = 4 for thresholds after the newcomer joins
 * @param newcomerOwnClock          quirk 9: true (default, faithful) starts the newcomer's clock at 2024-01-01
 * @param maxConversationEntries    the chat's cap, mayor's report included (10)
 * @param prompts                   a prompt pack folder whose files replace the built-in environment texts (the
 *                                  pool, outcome, report, hint and agreed-limit sentences and the newcomer goals)
 */
public record GovSimConfig(Scenario scenario, Experiment experiment, long seed, int horizon, int initialPool,
                           int capacity, int collapseThreshold, CollapseRule collapseRule, boolean clampRequests,
                           boolean fixedInitialThreshold, int newcomerMonth, boolean newcomerKeepsLocalCount,
                           boolean newcomerOwnClock, int maxConversationEntries, Optional<Path> prompts) {

    /** Checks the components. */
    public GovSimConfig {
        prompts = prompts == null ? Optional.empty() : prompts;
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(collapseRule, "collapseRule");
        if (horizon < 1 || initialPool < 0 || capacity < 0 || maxConversationEntries < 1) {
            throw new IllegalArgumentException("horizon, pool, capacity and chat length must be positive");
        }
    }

    /** Creates a configuration with the built-in texts. */
    public GovSimConfig(Scenario scenario, Experiment experiment, long seed, int horizon, int initialPool,
                        int capacity, int collapseThreshold, CollapseRule collapseRule, boolean clampRequests,
                        boolean fixedInitialThreshold, int newcomerMonth, boolean newcomerKeepsLocalCount,
                        boolean newcomerOwnClock, int maxConversationEntries) {
        this(scenario, experiment, seed, horizon, initialPool, capacity, collapseThreshold, collapseRule,
                clampRequests, fixedInitialThreshold, newcomerMonth, newcomerKeepsLocalCount, newcomerOwnClock,
                maxConversationEntries, Optional.empty());
    }

    /** Returns the faithful defaults for {@code scenario} and {@code experiment}: 12 months (15 with the newcomer). */
    public static GovSimConfig defaults(Scenario scenario, Experiment experiment, long seed) {
        return new GovSimConfig(scenario, experiment, seed, experiment.newcomer() ? 15 : 12, 100, 100, 5,
                CollapseRule.CODE, false, true, 3, true, true, 10);
    }

    /** Returns a copy with another horizon. */
    public GovSimConfig withHorizon(int months) {
        return new GovSimConfig(scenario, experiment, seed, months, initialPool, capacity, collapseThreshold,
                collapseRule, clampRequests, fixedInitialThreshold, newcomerMonth, newcomerKeepsLocalCount,
                newcomerOwnClock, maxConversationEntries, prompts);
    }

    /** Returns a copy with another seed. */
    public GovSimConfig withSeed(long newSeed) {
        return new GovSimConfig(scenario, experiment, newSeed, horizon, initialPool, capacity, collapseThreshold,
                collapseRule, clampRequests, fixedInitialThreshold, newcomerMonth, newcomerKeepsLocalCount,
                newcomerOwnClock, maxConversationEntries, prompts);
    }

    /** Returns a copy whose environment texts come from the prompt pack {@code folder} (empty: built in). */
    public GovSimConfig withPrompts(Optional<Path> folder) {
        return new GovSimConfig(scenario, experiment, seed, horizon, initialPool, capacity, collapseThreshold,
                collapseRule, clampRequests, fixedInitialThreshold, newcomerMonth, newcomerKeepsLocalCount,
                newcomerOwnClock, maxConversationEntries, folder);
    }

    /**
     * Returns the environment's texts: the built-in ones, or those of the prompt pack over them.
     *
     * @throws dev.polis.api.InvalidInputException when the pack folder is missing or holds an unknown file
     */
    public GameTexts texts() {
        return prompts.isEmpty() ? GameTexts.builtIn(scenario.id())
                : new GameTexts(PromptPack.of(prompts.get()), scenario.id());
    }
}
