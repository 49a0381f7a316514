package dev.polis.guards;

import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.guards.chain.GuardChain;
import org.pf4j.Extension;

/** Contributes {@code guard.chain}: the configured guards in order, each verdict recorded in the run's events. */
@Extension
public final class GuardChainProvider implements GuardProvider {

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
        return GuardChain.from(context.settings(), context.run().events());
    }
}
