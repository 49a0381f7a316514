package dev.polis.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.core.config.OperatorOverrides;
import dev.polis.core.host.HostServicesModule;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import dev.polis.core.run.ProgressDisplays;

/**
 * What the commands of one {@code polis} invocation share: the output streams, the global options and a
 * plugin host that is started only when a command asks for it.
 */
final class CliContext implements AutoCloseable {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    private final List<Path> pluginDirs;
    private final Map<String, String> environment;
    private PluginHost host;

    CliContext(PrintWriter out, PrintWriter err, boolean verbose, List<Path> pluginDirs,
               Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.pluginDirs = List.copyOf(pluginDirs);
        this.environment = Map.copyOf(environment);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    /** Returns the folders searched for plugins. */
    List<Path> pluginDirs() {
        return pluginDirs;
    }

    /** Returns the environment variables the invocation sees. */
    Map<String, String> environment() {
        return environment;
    }

    /** Returns the plugin host, starting it on first use. */
    PluginHost host() {
        if (host == null) {
            host = PluginHost.start(HostOptions.of(pluginDirs), new HostServicesModule(
                    OperatorOverrides.of(environment), environment, ProgressDisplays.auto()));
        }
        return host;
    }

    /**
     * Closes {@code resource}; a failure is printed as a warning rather than thrown, because the command's
     * own outcome has already been reported and should decide the exit status.
     */
    void closeAndWarn(AutoCloseable resource, String what) {
        try {
            resource.close();
        } catch (Exception e) {
            err.println("polis: warning: " + what + " failed: " + e
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
        }
    }

    /** Stops the plugin host if it was started. */
    @Override
    public void close() {
        if (host != null) {
            closeAndWarn(host, "stopping the plugins");
            host = null;
        }
        out.flush();
        err.flush();
    }
}
