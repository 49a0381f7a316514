package dev.polis.api.host;

import java.util.List;
import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/**
 * The host's choice of one extension, with the candidates it chose among and why, for {@code --verbose} output.
 *
 * @param chosen     the extension chosen
 * @param candidates every extension of the type, best rank first
 * @param reason     one sentence: named in configuration, highest rank, or the only one
 * @param <T>        the extension point
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ExtensionChoice<T extends PolisExtension>(LoadedExtension<T> chosen, List<LoadedExtension<T>> candidates,
                                                  String reason) {

    /** Copies the candidates. */
    public ExtensionChoice {
        candidates = List.copyOf(candidates);
    }
}
