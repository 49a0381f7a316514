package dev.polis.core.cli;

/**
 * Sets the log level of the slf4j-simple binding before any logger exists: quiet by default, debug with
 * {@code --verbose}.
 */
final class CliLogging {

    /** The slf4j-simple property that holds the default level. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private CliLogging() {
    }

    /**
     * Chooses the level: {@code debug} when verbose, otherwise {@code warn} unless the user set a level
     * (for example through {@code POLIS_JAVA_OPTS}).
     */
    static void configure(boolean verbose) {
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "debug");
        } else if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "warn");
        }
    }
}
