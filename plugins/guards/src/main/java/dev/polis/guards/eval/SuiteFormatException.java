package dev.polis.guards.eval;

import java.io.Serial;
import dev.polis.api.InvalidInputException;

/** Says that a suite file is not in the shape its format requires, naming the file and line. */
public final class SuiteFormatException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code file} at {@code line} (1-based; 0 when unknown). */
    public SuiteFormatException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
