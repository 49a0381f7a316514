package dev.polis.core.cli.doctor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.CheckResult.Status;
import dev.polis.api.diagnostics.DoctorCheck;

/**
 * Collects the results of {@code polis doctor}'s checks and prints them as PASS/WARN/FAIL lines with advice.
 *
 * <p>A check that throws is recorded as a failure naming the check and the exception, so one broken check
 * does not hide the others.
 */
public final class DoctorReport {

    private record Line(String name, CheckResult result) {
    }

    private final List<Line> lines = new ArrayList<>();

    /** Runs {@code check} and records its result under {@code name}. */
    public DoctorReport run(String name, DoctorCheck check) {
        CheckResult result;
        try {
            result = check.run();
        } catch (RuntimeException | LinkageError e) {
            result = CheckResult.fail("the check threw " + e, "report this to the author of the check");
        }
        return add(name, result == null ? CheckResult.fail("the check returned no result",
                "report this to the author of the check") : result);
    }

    /** Records a result that was obtained without running a check. */
    public DoctorReport add(String name, CheckResult result) {
        lines.add(new Line(name, result));
        return this;
    }

    /** Returns whether any check failed. */
    public boolean failed() {
        return count(Status.FAIL) > 0;
    }

    /** Prints one line per check, an advice line under each that did not pass, and a summary. */
    public void print(PrintWriter out) {
        int width = lines.stream().mapToInt(line -> line.name().length()).max().orElse(0);
        for (Line line : lines) {
            CheckResult result = line.result();
            out.println(String.format("%-4s  %-" + width + "s  %s", result.status(), line.name(), result.summary()));
            if (result.status() != Status.PASS && !result.advice().isEmpty()) {
                out.println(" ".repeat(width + 8) + "advice: " + result.advice());
            }
        }
        out.println();
        long warnings = count(Status.WARN);
        // Worded so that it cannot be mistaken for a test runner's "N passed, N failed" summary line.
        out.println("Checks: " + count(Status.PASS) + " ok, " + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + count(Status.FAIL) + " failing.");
    }

    private long count(Status status) {
        return lines.stream().filter(line -> line.result().status() == status).count();
    }
}
