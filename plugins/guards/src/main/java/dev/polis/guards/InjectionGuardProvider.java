package dev.polis.guards;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.guard.Guard;
import dev.polis.api.host.Models;
import dev.polis.guards.chain.GuardServices;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.guards.chain.BlockSettings;
import dev.polis.guards.chain.InjectionGuard;
import org.pf4j.Extension;

/** Contributes {@code guard.injection}: see {@link InjectionGuard}. */
@Extension
public final class InjectionGuardProvider implements GuardProvider {

    private final Models models;

    /** Creates the provider without host services: a {@code judge} setting is then an error. */
    public InjectionGuardProvider() {
        this.models = null;
    }

    /** Creates the provider over the host's models (injected by the host), which open a judge's model. */
    @Inject
    public InjectionGuardProvider(Models models) {
        this.models = Objects.requireNonNull(models, "models");
    }

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
        return InjectionGuard.from(new BlockSettings(context.settings(), ""), services(context));
    }

    private static final String DESCRIPTION = "Flags prompt injection (rules + small classifier) below DEVELOPER privilege; refuses USER, neutralises TOOL";

    private GuardServices services(GuardContext context) {
        return models == null ? GuardServices.NONE : GuardServices.of(models, context.run());
    }
}
