package dev.polis.mindsearch.fetch;

/** A page could not be read: unreachable, too slow, an HTTP error, not text, too many redirects. */
public final class PageFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} says why, for the searcher's model and the run's events. */
    public PageFetchException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public PageFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
