package dev.polis.api.diagnostics;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/** Checks one thing {@code polis doctor} reports on (a native engine, a device, a server's reachability). */
@API(status = API.Status.STABLE, since = "0.1")
public interface DoctorCheck extends PolisExtension {

    /** Runs the check; it must not throw for an expected problem, but return a failing result. */
    CheckResult run();
}
