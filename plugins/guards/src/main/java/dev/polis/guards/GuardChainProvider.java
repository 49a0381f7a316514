package dev.polis.guards;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.guard.Guard;
import dev.polis.api.host.Models;
import dev.polis.guards.chain.GuardServices;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.guards.chain.GuardChain;
import org.pf4j.Extension;

/** Contributes {@code guard.chain}: the configured guards in order, each verdict recorded in the run's events. */
@Extension
public final class GuardChainProvider implements GuardProvider {

    private final Models models;

    /** Creates the provider without host services: a {@code judge} setting is then an error. */
    public GuardChainProvider() {
        this.models = null;
    }

    /** Creates the provider over the host's models (injected by the host), which open a judge's model. */
    @Inject
    public GuardChainProvider(Models models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String id() {
        return "guard.chain";
    }

    @Override
    public String description() {
        return "Runs guards in order (settings: guards: [{id: spotlight}, {id: injection, threshold: 0.5}, {id: leak}])";
    }

    @Override
    public Guard create(GuardContext context) {
        return GuardChain.from(context.settings(), context.run().events(), services(context));
    }

    private GuardServices services(GuardContext context) {
        return models == null ? GuardServices.NONE : GuardServices.of(models, context.run());
    }
}
