package dev.polis.core.run;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Tells how far a run got, as written in {@code run.json}: started, finished or failed. */
public enum RunStatus {
    /** The run began and has not ended, or the process died before it could say how it ended. */
    STARTED,
    /** The run ended normally; asking for it again by id does not repeat it. */
    FINISHED,
    /** The run ended with an error, recorded in {@code run.json}. */
    FAILED;

    /** Returns the lower-case name used in {@code run.json}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the lower-case name used in {@code run.json}. */
    @JsonCreator
    public static RunStatus fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
