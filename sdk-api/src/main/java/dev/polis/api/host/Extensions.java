package dev.polis.api.host;

import java.util.List;
import java.util.Optional;
import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/**
 * Finds the extensions the host loaded, by type and id, and picks one when configuration names none.
 *
 * <p>The host binds it; a plugin receives it by injection ({@code @Inject MyProvider(Extensions extensions)}).
 * When several extensions share a type and no id is named, the highest {@link PolisExtension#rank()} wins and
 * {@link #choose} says why.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface Extensions {

    /** Returns every extension of {@code type}, best rank first, then by id. */
    <T extends PolisExtension> List<LoadedExtension<T>> all(Class<T> type);

    /**
     * Returns the extension named {@code id}, or the best-ranked one when {@code id} is {@code null} or blank,
     * with the candidates and the reason for the choice.
     *
     * @throws UnknownExtensionException when {@code id} is unknown or no extension of the type exists
     */
    <T extends PolisExtension> ExtensionChoice<T> choose(Class<T> type, String id);

    /** Returns the ids of every extension of {@code type}, sorted, without duplicates. */
    default <T extends PolisExtension> List<String> ids(Class<T> type) {
        return all(type).stream().map(LoadedExtension::id).distinct().sorted().toList();
    }

    /** Returns the extension of {@code type} with {@code id}, if there is one. */
    default <T extends PolisExtension> Optional<T> find(Class<T> type, String id) {
        return all(type).stream().filter(e -> e.id().equals(id)).findFirst().map(LoadedExtension::instance);
    }

    /**
     * Returns the extension of {@code type} with {@code id}.
     *
     * @throws UnknownExtensionException when none has that id; its message lists the known ids
     */
    default <T extends PolisExtension> T get(Class<T> type, String id) {
        if (id == null || id.isBlank()) {
            List<String> known = ids(type);
            throw new UnknownExtensionException("no " + type.getSimpleName() + " id given; known: "
                    + String.join(", ", known), known);
        }
        return choose(type, id).chosen().instance();
    }

    /**
     * Returns the extension named {@code id}, or the best-ranked one when {@code id} is {@code null} or blank.
     *
     * @throws UnknownExtensionException when {@code id} is unknown or no extension of the type exists
     */
    default <T extends PolisExtension> T select(Class<T> type, String id) {
        return choose(type, id).chosen().instance();
    }
}
