package dev.polis.mindsearch.web;

/**
 * A web search could not be made: the server is unreachable or too slow, refused the request (a rejected key, a
 * rate limit, JSON output not enabled) or answered something that is not its JSON. A runtime fault, not the user's
 * mistake: the searcher records it and goes on.
 */
public final class SearchUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} says what failed and, where it can, what to do. */
    public SearchUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
