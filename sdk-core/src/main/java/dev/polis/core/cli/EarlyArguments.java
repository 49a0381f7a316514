package dev.polis.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The global options and the subcommand name, read from the raw arguments before picocli parses them.
 *
 * <p>They are needed early: the log level must be set before the first logger is created, and the plugin
 * host must be started (from the plugin folders) before plugin subcommands can be registered and parsed.
 * picocli parses the same options again for validation and help.
 *
 * @param verbose          whether {@code --verbose} was given anywhere before {@code --}
 * @param pluginDirs       the folders given with {@code --plugins-dir}, in order
 * @param commandName      the first argument that is neither an option nor an option's value
 * @param versionRequested whether {@code -V} or {@code --version} was given before the command name
 */
record EarlyArguments(boolean verbose, List<Path> pluginDirs, Optional<String> commandName,
                      boolean versionRequested) {

    static final String VERBOSE = "--verbose";
    static final String PLUGINS_DIR = "--plugins-dir";

    /** Copies the list. */
    EarlyArguments {
        pluginDirs = List.copyOf(pluginDirs);
    }

    /** Scans {@code args} for the global options and the subcommand name. */
    static EarlyArguments scan(String[] args) {
        boolean verbose = false;
        boolean version = false;
        List<Path> dirs = new ArrayList<>();
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            } else if (arg.equals(VERBOSE)) {
                verbose = true;
            } else if (arg.equals(PLUGINS_DIR) && i + 1 < args.length) {
                dirs.add(Path.of(args[++i]));
            } else if (arg.startsWith(PLUGINS_DIR + "=")) {
                dirs.add(Path.of(arg.substring(PLUGINS_DIR.length() + 1)));
            } else if (command == null && (arg.equals("-V") || arg.equals("--version"))) {
                version = true;
            } else if (command == null && !arg.startsWith("-")) {
                command = arg;
            }
        }
        return new EarlyArguments(verbose, dirs, Optional.ofNullable(command), version);
    }
}
