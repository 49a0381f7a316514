package dev.polis.core.cli.doctor;

import java.util.List;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.testkit.DoctorCheckCompatibilityKit;

/** Holds the resources check to the doctor-check contract, on this machine and on one with a small heap. */
class RuntimeResourcesCheckCompatibilityTest extends DoctorCheckCompatibilityKit {

    @Override
    protected DoctorCheck createCheck() {
        return RuntimeResourcesCheck.current();
    }

    @Override
    protected List<DoctorCheck> situations() {
        return List.of(RuntimeResourcesCheck.current(), new RuntimeResourcesCheck(1, 256L << 20));
    }

    @Override
    protected boolean idMustBeNamespaced() {
        return false;
    }

    /** The host runs its own checks directly; they are never loaded from a plugin. */
    @Override
    protected boolean requiresExtensionAnnotation() {
        return false;
    }
}
