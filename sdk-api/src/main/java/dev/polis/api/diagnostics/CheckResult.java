package dev.polis.api.diagnostics;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of one diagnostic check.
 *
 * @param status  passed, warning or failed
 * @param summary one line saying what was found
 * @param advice  what to do when it did not pass, or {@code ""}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckResult(Status status, String summary, String advice) {

    /** How a check came out. */
    public enum Status {
        /** All is well. */
        PASS,
        /** Works, but something is worth knowing. */
        WARN,
        /** Something needed is missing or broken. */
        FAIL
    }

    /** Checks the components. */
    public CheckResult {
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
        advice = advice == null ? "" : advice;
    }

    /** Returns a passing result. */
    public static CheckResult pass(String summary) {
        return new CheckResult(Status.PASS, summary, "");
    }

    /** Returns a warning. */
    public static CheckResult warn(String summary, String advice) {
        return new CheckResult(Status.WARN, summary, advice);
    }

    /** Returns a failure with advice on how to fix it. */
    public static CheckResult fail(String summary, String advice) {
        return new CheckResult(Status.FAIL, summary, advice);
    }
}
