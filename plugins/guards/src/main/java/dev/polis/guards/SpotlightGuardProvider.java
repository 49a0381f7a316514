package dev.polis.guards;

import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.guards.chain.BlockSettings;
import dev.polis.guards.chain.SpotlightGuard;
import org.pf4j.Extension;

/** Contributes {@code guard.spotlight}: see {@link SpotlightGuard}. */
@Extension
public final class SpotlightGuardProvider implements GuardProvider {

    @Override
    public String id() {
        return "guard.spotlight";
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public Guard create(GuardContext context) {
        return SpotlightGuard.from(new BlockSettings(context.settings(), ""));
    }

    private static final String DESCRIPTION = "Frames TOOL content as data (datamarking) and defuses reserved chat-template tokens";
}
