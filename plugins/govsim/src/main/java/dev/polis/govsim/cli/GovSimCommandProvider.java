package dev.polis.govsim.cli;

import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.core.registry.ExtensionRegistry;
import org.pf4j.Extension;

/** Contributes {@code polis govsim}: GovSim sweeps, summaries and reports. */
@Extension
public final class GovSimCommandProvider implements CommandProvider {

    private final ExtensionRegistry registry;

    /** Creates the provider with the host's registry (to find chat models and the govsim.llm agent). */
    @Inject
    public GovSimCommandProvider(ExtensionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String id() {
        return "govsim";
    }

    @Override
    public String description() {
        return "GovSim commons sweeps: societies x experiments x scenarios x seeds, Table-1 summary and HTML report";
    }

    @Override
    public Object newCommand() {
        return new GovSimCommand(registry);
    }
}
