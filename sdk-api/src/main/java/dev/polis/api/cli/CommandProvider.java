package dev.polis.api.cli;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/**
 * Contributes one {@code polis} subcommand, named by {@link #id()} (for example {@code govsim}).
 *
 * <p>The command object is a picocli {@code @Command}-annotated instance; the host provides picocli, so
 * plugins take it as a {@code provided} dependency. It is created per invocation, so it may hold state.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface CommandProvider extends PolisExtension {

    /** Returns a new picocli command object for one invocation. */
    Object newCommand();
}
