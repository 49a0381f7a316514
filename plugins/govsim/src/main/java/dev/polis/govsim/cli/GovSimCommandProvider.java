package dev.polis.govsim.cli;

import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.HostEnvironment;
import dev.polis.api.host.Models;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.host.RunFolders;
import dev.polis.api.host.SettingsFactory;
import java.util.Objects;
import org.pf4j.Extension;

/** Contributes {@code polis govsim}: GovSim sweeps, summaries and reports. */
@Extension
public final class GovSimCommandProvider implements CommandProvider {

    private final Models models;
    private final SettingsFactory settings;
    private final RunFolders folders;
    private final ProgressDisplay progress;
    private final Extensions extensions;
    private final HostEnvironment environment;

    /**
     * Creates the provider with the host's services (injected by the host): models for the LLM members, settings
     * for {@code --config}, run folders, the progress display, and the invocation's variables (a scheduler's shard).
     */
    @Inject
    public GovSimCommandProvider(Models models, SettingsFactory settings, RunFolders folders,
                                 ProgressDisplay progress, Extensions extensions, HostEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.models = Objects.requireNonNull(models, "models");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.folders = Objects.requireNonNull(folders, "folders");
        this.progress = Objects.requireNonNull(progress, "progress");
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
        return new GovSimCommand(models, settings, folders, progress, extensions, environment);
    }
}
