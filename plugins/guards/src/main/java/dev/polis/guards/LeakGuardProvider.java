package dev.polis.guards;

import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.guards.chain.BlockSettings;
import dev.polis.guards.chain.LeakGuard;
import org.pf4j.Extension;

/** Contributes {@code guard.leak}: see {@link LeakGuard}. */
@Extension
public final class LeakGuardProvider implements GuardProvider {

    @Override
    public String id() {
        return "guard.leak";
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public Guard create(GuardContext context) {
        return LeakGuard.from(new BlockSettings(context.settings(), ""));
    }

    private static final String DESCRIPTION = "Refuses model output that leaks the system prompt (canary tokens, word-trigram overlap, "
            + "content-word coverage)";
}
