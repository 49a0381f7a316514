package dev.polis.core.host;

import java.nio.file.Path;
import java.util.Map;
import dev.polis.api.Settings;
import dev.polis.api.host.SettingsFactory;
import dev.polis.core.config.ConfigDocument;
import dev.polis.core.config.ConfigLoader;
import dev.polis.core.config.JacksonSettings;

/** The host's {@link SettingsFactory}: Jackson settings whose errors name file, line and field path. */
public final class HostSettingsFactory implements SettingsFactory {

    private final ConfigLoader loader;

    /** Creates the factory; {@code environment} feeds {@code ${NAME}} substitution in files. */
    public HostSettingsFactory(Map<String, String> environment) {
        this.loader = new ConfigLoader(environment);
    }

    @Override
    public Settings of(Map<String, ?> values, String path) {
        return JacksonSettings.of(values, path == null ? "" : path);
    }

    @Override
    public Settings read(Path file) {
        ConfigDocument document = loader.read(file);
        return new JacksonSettings(document.tree(), "", document.source(), document.locations());
    }
}
