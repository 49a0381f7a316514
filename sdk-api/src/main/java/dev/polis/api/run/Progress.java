package dev.polis.api.run;

import org.apiguardian.api.API;

/**
 * Reports how far one long task has come, so that the host can draw a progress bar or log the pace.
 *
 * <p>Obtained from {@link RunContext#progress(String, long)}; closing it marks the task finished.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Progress extends AutoCloseable {

    /** Adds {@code units} to the work done. */
    void advance(long units);

    /** Replaces the short status text shown next to the bar (for example {@code month 4/12}). */
    default void status(String text) {
    }

    /** Marks the task finished. */
    @Override
    void close();

    /** Returns a progress that shows nothing. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void advance(long units) {
            }

            @Override
            public void close() {
            }
        };
    }
}
