package dev.polis.guards.judge;

/** Says that the judge gave no usable answer: its model failed, ran past the timeout or answered unreadably. */
public final class JudgeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the failure with what went wrong. */
    public JudgeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
