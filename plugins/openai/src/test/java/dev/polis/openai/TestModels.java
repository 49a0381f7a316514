package dev.polis.openai;

import java.nio.file.Path;
import java.util.List;
import dev.polis.api.PolisExtension;
import dev.polis.api.host.LoadedExtension;
import dev.polis.api.host.Models;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunContext;
import dev.polis.core.host.HostModels;
import dev.polis.core.registry.ExtensionRegistry;

/** Builds the host's {@link Models} over a fixed list of providers, for tests that need no plugin host. */
public final class TestModels {

    private TestModels() {
    }

    /** Returns the host's model service over {@code providers}, with no operator choices. */
    public static Models over(PolisExtension... providers) {
        return over(InferenceOptions.DEFAULTS, providers);
    }

    /** Returns the host's model service over {@code providers}, filling open choices from {@code operator}. */
    public static Models over(InferenceOptions operator, PolisExtension... providers) {
        List<PolisExtension> all = List.of(providers);
        return new HostModels(new ExtensionRegistry(type -> all.stream().filter(type::isInstance)
                .map(extension -> loaded(type, extension)).toList()), operator);
    }

    /** Returns a run whose record folder is {@code folder}: models asked for it record their calls there. */
    public static RunContext runIn(Path folder) {
        return RunContext.inFolder("test", 0, folder, EventSink.discarding());
    }

    private static <T extends PolisExtension> LoadedExtension<T> loaded(Class<T> type, PolisExtension extension) {
        return new LoadedExtension<>(type, extension.id(), LoadedExtension.CLASSPATH, extension.rank(),
                type.cast(extension));
    }
}
