package dev.polis.mindsearch.interp;

import dev.polis.api.PolisException;

/** Planner code that cannot be read or run; its message, with the line, goes back to the planner. */
public final class CodeError extends PolisException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** Creates the error at {@code line} (from 1; 0 when unknown). */
    public CodeError(int line, String message) {
        super(message);
        this.line = line;
    }

    /** Returns the line of the code the error is on, from 1; 0 when unknown. */
    public int line() {
        return line;
    }

    /** Returns "line N: message", as the planner reads it. */
    public String describe() {
        return line > 0 ? "line " + line + ": " + getMessage() : getMessage();
    }
}
