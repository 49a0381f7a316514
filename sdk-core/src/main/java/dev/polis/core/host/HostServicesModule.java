package dev.polis.core.host;

import java.util.Map;
import java.util.Objects;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.HostEnvironment;
import dev.polis.api.host.Models;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.host.RunFolders;
import dev.polis.api.host.SettingsFactory;
import dev.polis.core.config.OperatorOverrides;

/**
 * Binds what the host lends plugins ({@link Models}, {@link SettingsFactory}, {@link RunFolders},
 * {@link ProgressDisplay}, {@link HostEnvironment}) in the root injector, beside the {@link Extensions} the plugin
 * host binds itself.
 *
 * <p>The operator's overrides are read here, once, from the environment and system properties the host was
 * started with; nothing below the host reads them again.
 */
public final class HostServicesModule extends AbstractModule {

    private final OperatorOverrides overrides;
    private final Map<String, String> environment;
    private final ProgressDisplay progress;

    /**
     * Creates the bindings.
     *
     * @param overrides   the operator's overrides ({@code POLIS_DEVICE}, ..., {@code -Dpolis.*})
     * @param environment the variables {@code ${NAME}} substitution sees in files plugins read, and plugins see
     *                    through {@link HostEnvironment}
     * @param progress    how long tasks show progress
     */
    public HostServicesModule(OperatorOverrides overrides, Map<String, String> environment, ProgressDisplay progress) {
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.environment = Map.copyOf(environment);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    protected void configure() {
        bind(OperatorOverrides.class).toInstance(overrides);
        bind(SettingsFactory.class).toInstance(new HostSettingsFactory(environment));
        bind(RunFolders.class).toInstance(new HostRunFolders());
        bind(ProgressDisplay.class).toInstance(progress);
        bind(HostEnvironment.class).toInstance(HostEnvironment.of(environment));
    }

    @Provides
    @Singleton
    Models models(Extensions extensions) {
        return new HostModels(extensions, overrides.inferenceOptions());
    }
}
