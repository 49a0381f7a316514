package dev.polis.api;

import java.util.Set;
import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * Identifies an extension to the host: the common root of every Polis extension point.
 *
 * <p>The id is stable and namespaced ({@code govsim.fishery}, {@code decoder.greedy}); configuration
 * and command lines refer to extensions by it. When several extensions of one type are present and the
 * configuration names none, the host picks the one with the highest {@link #rank()} and can explain why.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface PolisExtension extends ExtensionPoint {

    /** Returns the stable id this extension is selected by; never {@code null} or blank. */
    String id();

    /** Returns the preference among extensions of the same type when none is named; higher wins. */
    default int rank() {
        return 0;
    }

    /** Returns free-form capability tags (for example {@code streaming}, {@code cuda}) used to explain choices. */
    default Set<String> capabilities() {
        return Set.of();
    }

    /** Returns one line saying what this extension is for, shown by {@code polis plugins}. */
    default String description() {
        return "";
    }
}
