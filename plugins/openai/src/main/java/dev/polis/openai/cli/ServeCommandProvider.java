package dev.polis.openai.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.core.registry.ExtensionRegistry;
import org.pf4j.Extension;

/** Contributes {@code polis serve}, which serves any model the host can resolve over an OpenAI-compatible API. */
@Extension
public final class ServeCommandProvider implements CommandProvider {

    private final ModelResolver resolver;

    /** Creates the provider over the host's extension registry (injected by the host). */
    @Inject
    public ServeCommandProvider(ExtensionRegistry registry) {
        this(ModelResolver.using(registry));
    }

    /** Creates the provider over any resolver, for tests and embedding. */
    public ServeCommandProvider(ModelResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public String id() {
        return "serve";
    }

    @Override
    public String description() {
        return "polis serve: an OpenAI-compatible HTTP server over any configured chat model";
    }

    @Override
    public Object newCommand() {
        return new ServeCommand(resolver);
    }
}
