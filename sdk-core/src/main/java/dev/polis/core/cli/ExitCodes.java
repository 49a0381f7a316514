package dev.polis.core.cli;

/** The exit statuses of the {@code polis} command, so scripts can tell a user mistake from a failure. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;

    /** The command ran but something failed (a doctor check, a run, an unexpected error). */
    public static final int FAILURE = 1;

    /** The command line or an input (a configuration file, an option value) was wrong. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
