package dev.polis.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import dev.polis.api.PolisExtension;
import dev.polis.api.host.ExtensionChoice;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.LoadedExtension;
import dev.polis.api.host.UnknownExtensionException;

/**
 * Looks extensions up by type and id, picks a default by rank, and explains its choice.
 *
 * <p>An unknown id fails with {@link UnknownExtensionException}, whose message lists the known ids and
 * suggests the closest one. When two extensions share an id, the higher rank wins (then the plugin id, for
 * a stable choice) and {@link #choose} says so.
 */
public final class ExtensionRegistry implements Extensions {

    private static final Comparator<LoadedExtension<?>> BEST_FIRST = Comparator
            .comparingInt((LoadedExtension<?> e) -> -e.rank())
            .thenComparing(LoadedExtension::id)
            .thenComparing(LoadedExtension::pluginId);

    private final Function<Class<? extends PolisExtension>, List<? extends LoadedExtension<?>>> source;

    /** Creates a registry over {@code source}, which lists the loaded extensions of a type in discovery order. */
    public ExtensionRegistry(Function<Class<? extends PolisExtension>, List<? extends LoadedExtension<?>>> source) {
        this.source = source;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends PolisExtension> List<LoadedExtension<T>> all(Class<T> type) {
        List<LoadedExtension<T>> list = new ArrayList<>((List<LoadedExtension<T>>) source.apply(type));
        list.sort(BEST_FIRST);
        return List.copyOf(list);
    }

    @Override
    public <T extends PolisExtension> ExtensionChoice<T> choose(Class<T> type, String id) {
        List<LoadedExtension<T>> candidates = all(type);
        if (id != null && !id.isBlank()) {
            List<LoadedExtension<T>> named = candidates.stream().filter(e -> e.id().equals(id)).toList();
            if (named.isEmpty()) {
                throw unknown(type, id);
            }
            LoadedExtension<T> chosen = named.get(0);
            String reason = "'" + id + "' was named in the configuration";
            if (named.size() > 1) {
                reason += "; " + named.size() + " plugins supply it (" + String.join(", ",
                        named.stream().map(LoadedExtension::pluginId).toList()) + "), the one from '"
                        + chosen.pluginId() + "' has the highest rank (" + chosen.rank() + ")";
            }
            return new ExtensionChoice<>(chosen, candidates, reason);
        }
        if (candidates.isEmpty()) {
            throw new UnknownExtensionException("no " + type.getSimpleName()
                    + " is installed; add a plugin that provides one to the plugins folder", List.of());
        }
        LoadedExtension<T> chosen = candidates.get(0);
        String reason = candidates.size() == 1 ? "'" + chosen.id() + "' is the only " + type.getSimpleName()
                : "'" + chosen.id() + "' has the highest rank (" + chosen.rank() + ") among "
                        + String.join(", ", candidates.stream().map(e -> e.id() + "=" + e.rank()).toList());
        return new ExtensionChoice<>(chosen, candidates, reason);
    }

    private <T extends PolisExtension> UnknownExtensionException unknown(Class<T> type, String id) {
        List<String> known = ids(type);
        StringBuilder message = new StringBuilder("unknown ").append(type.getSimpleName()).append(" '")
                .append(id).append("'");
        DidYouMean.suggest(id, known).ifPresent(s -> message.append(" (did you mean '").append(s).append("'?)"));
        message.append(known.isEmpty() ? "; none is installed" : "; known: " + String.join(", ", known));
        return new UnknownExtensionException(message.toString(), known);
    }
}
