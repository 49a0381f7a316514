package dev.polis.mindsearch.cli;

import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.RunFolders;
import dev.polis.api.host.SettingsFactory;
import java.util.Objects;
import org.pf4j.Extension;

/** Contributes {@code polis mindsearch}: answers questions with a planner, parallel searchers and citations. */
@Extension
public final class MindSearchCommandProvider implements CommandProvider {

    private final HostServices services;

    /** Creates the provider with the host's services (injected by the host). */
    @Inject
    public MindSearchCommandProvider(Models models, RunFolders folders, Extensions extensions,
                                     SettingsFactory settings) {
        this.services = new HostServices(Objects.requireNonNull(models, "models"),
                Objects.requireNonNull(folders, "folders"), Objects.requireNonNull(extensions, "extensions"),
                Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public String id() {
        return "mindsearch";
    }

    @Override
    public String description() {
        return "polis mindsearch ask: a planner decomposes the question, searchers answer in parallel with citations";
    }

    @Override
    public Object newCommand() {
        return new MindSearchCommand(services);
    }
}
