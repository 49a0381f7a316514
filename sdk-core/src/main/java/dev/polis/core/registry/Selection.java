package dev.polis.core.registry;

import java.util.List;
import dev.polis.api.PolisExtension;

/**
 * The registry's choice of one extension, with the candidates it chose among and why.
 *
 * @param chosen     the extension chosen
 * @param candidates every extension of the type, best rank first
 * @param reason     one sentence: named in configuration, highest rank, or the only one
 * @param <T>        the extension point
 */
public record Selection<T extends PolisExtension>(LoadedExtension<T> chosen, List<LoadedExtension<T>> candidates,
                                                  String reason) {

    /** Copies the candidates. */
    public Selection {
        candidates = List.copyOf(candidates);
    }
}
