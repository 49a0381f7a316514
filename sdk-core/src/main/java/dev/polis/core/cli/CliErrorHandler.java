package dev.polis.core.cli;

import java.io.PrintWriter;
import java.util.List;
import dev.polis.api.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error of a {@code polis} invocation into a short message and an exit status, in one place.
 *
 * <p>Usage errors and invalid input ({@link InvalidInputException}, and the foreseeable failures of
 * {@link ForeseeableErrors}: a missing file, a file where a folder is needed, a folder that cannot be written, a port
 * in use, an unknown host) exit with {@link ExitCodes#USAGE} and print no stack trace unless {@code --verbose};
 * anything else is an unexpected error and exits with {@link ExitCodes#FAILURE}.
 */
final class CliErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final String PREFIX = "polis: ";

    private final boolean verbose;

    CliErrorHandler(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(PREFIX + usageMessage(ex));
        if (!isUnknownCommand(ex)) {
            UnmatchedArgumentException.printSuggestions(ex, err);
        }
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        printStackTraceIfVerbose(ex, err);
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        if (ex instanceof ParameterException parameterException) {
            return handleParseException(parameterException, new String[0]);
        }
        return report(ex, command.getErr());
    }

    /** Prints {@code ex} the way its kind calls for and returns the exit status; usable outside picocli too. */
    int report(Exception ex, PrintWriter err) {
        int status = describe(ex, err);
        err.flush();
        return status;
    }

    private int describe(Exception ex, PrintWriter err) {
        InvalidInputException invalid = find(ex, InvalidInputException.class);
        if (invalid != null) {
            err.println(PREFIX + invalid.getMessage());
            printStackTraceIfVerbose(ex, err);
            return ExitCodes.USAGE;
        }
        String foreseeable = ForeseeableErrors.describe(ex).orElse(null);
        if (foreseeable != null) {
            err.println(PREFIX + foreseeable);
            printStackTraceIfVerbose(ex, err);
            return ExitCodes.USAGE;
        }
        String what = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        if (verbose) {
            err.println(PREFIX + "unexpected error: " + what);
            ex.printStackTrace(err);
        } else {
            err.println(PREFIX + "unexpected error: " + what + " (run with --verbose for the stack trace)");
        }
        return ExitCodes.FAILURE;
    }

    private String usageMessage(ParameterException ex) {
        if (isUnknownCommand(ex)) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) ex;
            List<String> known = unmatched.getCommandLine().getSubcommands().keySet().stream().sorted().toList();
            return "unknown command '" + unmatched.getUnmatched().get(0) + "' (known: "
                    + String.join(", ", known) + ")";
        }
        return ex.getMessage();
    }

    /** Tells whether the first unmatched argument is a word where a subcommand name was expected. */
    private static boolean isUnknownCommand(ParameterException ex) {
        return ex instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")
                && !unmatched.getCommandLine().getSubcommands().isEmpty()
                && unmatched.getCommandLine().getCommandSpec().positionalParameters().isEmpty();
    }

    private void printStackTraceIfVerbose(Throwable ex, PrintWriter err) {
        if (verbose) {
            ex.printStackTrace(err);
        }
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
