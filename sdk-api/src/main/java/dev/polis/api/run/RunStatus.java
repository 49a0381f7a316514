package dev.polis.api.run;

import java.util.Locale;
import org.apiguardian.api.API;

/** Tells how far a run got, as written in {@code run.json}: started, finished or failed. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum RunStatus {
    /** The run began and has not ended, or the process died before it could say how it ended. */
    STARTED,
    /** The run ended normally; asking for it again by id does not repeat it. */
    FINISHED,
    /** The run ended with an error, recorded in {@code run.json}. */
    FAILED;

    /** Returns the lower-case name used in {@code run.json}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the lower-case name used in {@code run.json}.
     *
     * @throws IllegalArgumentException when the name is none of started, finished, failed
     */
    public static RunStatus fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
