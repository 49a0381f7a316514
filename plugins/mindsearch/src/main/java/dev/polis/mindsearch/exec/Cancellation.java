package dev.polis.mindsearch.exec;

import java.util.concurrent.CompletableFuture;

/**
 * Tells a running request to stop (its client went away): the planner makes no further model call, the turn's
 * barrier stops waiting, the nodes not finished fail and their searchers stop before their next model call. Once
 * cancelled it stays cancelled; the first reason is kept. Thread-safe.
 */
public final class Cancellation {

    private final CompletableFuture<String> reason = new CompletableFuture<>();

    /** Cancels the request; later calls change nothing. */
    public void cancel(String why) {
        reason.complete(why == null ? "cancelled" : why);
    }

    /** Returns whether the request was cancelled. */
    public boolean cancelled() {
        return reason.isDone();
    }

    /** Returns why it was cancelled, or {@code ""}. */
    public String reason() {
        return reason.getNow("");
    }

    /** Returns a future that completes with the reason when the request is cancelled. */
    CompletableFuture<String> signal() {
        return reason;
    }
}
