package dev.polis.examples.commons;

import dev.polis.api.env.Environment;
import dev.polis.api.env.EnvironmentContext;
import dev.polis.api.env.EnvironmentProvider;
import org.pf4j.Extension;

/** Creates the common-pool fishing game under the id {@code example.commons}. */
@Extension
public class CommonsEnvironmentProvider implements EnvironmentProvider {

    @Override
    public String id() {
        return "example.commons";
    }

    @Override
    public String description() {
        return "a lake shared by N fishers: take fish, let it regrow, avoid collapse";
    }

    @Override
    public Environment create(EnvironmentContext context) {
        return new CommonPoolEnvironment(CommonsRules.from(context.settings()), context.agentIds());
    }
}
