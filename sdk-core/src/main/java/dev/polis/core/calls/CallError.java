package dev.polis.core.calls;

/**
 * The failure that ended a recorded model call.
 *
 * @param type    the simple name of the exception class
 * @param message the exception's message, or {@code ""}
 */
public record CallError(String type, String message) {

    /** Replaces {@code null} components with {@code ""}. */
    public CallError {
        type = type == null ? "" : type;
        message = message == null ? "" : message;
    }

    /** Returns the record of {@code error}. */
    public static CallError of(Throwable error) {
        return new CallError(error.getClass().getSimpleName(), error.getMessage());
    }
}
