package dev.polis.govsim.sweep;

import dev.polis.govsim.game.CollapseRule;
import dev.polis.govsim.game.GovSimConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The sweep-wide choices that adjust every run's configuration after its defaults ({@code --months},
 * {@code --collapse-rule}, {@code --clamp-requests}, {@code --prompts}); recorded in the sweep's {@code plan.json} so
 * that {@code polis govsim merge} scores every shard's runs as the sweep did.
 *
 * @param months        the horizon override, or {@code null} for the experiment's own
 * @param collapseRule  the collapse test
 * @param clampRequests whether each request is clamped to the pool
 * @param prompts       the prompt pack folder, or {@code null} for the built-in texts
 */
public record RunTuning(Integer months, CollapseRule collapseRule, boolean clampRequests, String prompts)
        implements UnaryOperator<GovSimConfig> {

    /** Creates the tuning of a sweep from its options. */
    public static RunTuning of(Integer months, CollapseRule rule, boolean clampRequests, Optional<Path> pack) {
        return new RunTuning(months, rule, clampRequests, pack.map(Path::toString).orElse(null));
    }

    /** Returns {@code c} with these choices applied. */
    @Override
    public GovSimConfig apply(GovSimConfig c) {
        GovSimConfig tuned = new GovSimConfig(c.scenario(), c.experiment(), c.seed(), c.horizon(), c.initialPool(),
                c.capacity(), c.collapseThreshold(), collapseRule, clampRequests, c.fixedInitialThreshold(),
                c.newcomerMonth(), c.newcomerKeepsLocalCount(), c.newcomerOwnClock(), c.maxConversationEntries(),
                Optional.ofNullable(prompts).map(Path::of));
        return months == null ? tuned : tuned.withHorizon(months);
    }
}
