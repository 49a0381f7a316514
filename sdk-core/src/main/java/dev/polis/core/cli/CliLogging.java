package dev.polis.core.cli;

/**
 * Sets the log level of the slf4j-simple binding before any logger exists: quiet by default, debug with
 * {@code --verbose}.
 */
final class CliLogging {

    /** The slf4j-simple property that holds the default level. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /** The slf4j-simple property that holds pf4j's level. */
    static final String PF4J_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.pf4j";

    private CliLogging() {
    }

    /**
     * Chooses the level: {@code debug} when verbose, otherwise {@code warn} unless the user set a level
     * (for example through {@code POLIS_JAVA_OPTS}). pf4j is silenced unless verbose: it logs a plugin's
     * load failure with a stack trace, and the host already reports every such failure in one line.
     */
    static void configure(boolean verbose) {
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "debug");
            return;
        }
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "warn");
        }
        if (System.getProperty(PF4J_LEVEL_PROPERTY) == null) {
            System.setProperty(PF4J_LEVEL_PROPERTY, "off");
        }
    }
}
