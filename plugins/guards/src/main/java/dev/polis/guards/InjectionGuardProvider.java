package dev.polis.guards;

import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.guards.chain.BlockSettings;
import dev.polis.guards.chain.InjectionGuard;
import org.pf4j.Extension;

/** Contributes {@code guard.injection}: see {@link InjectionGuard}. */
@Extension
public final class InjectionGuardProvider implements GuardProvider {

    @Override
    public String id() {
        return "guard.injection";
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public Guard create(GuardContext context) {
        return InjectionGuard.from(new BlockSettings(context.settings(), ""));
    }

    private static final String DESCRIPTION = "Flags prompt injection (rules + small classifier) below DEVELOPER privilege; refuses USER, neutralises TOOL";
}
