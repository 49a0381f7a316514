package dev.polis.core.cli.doctor;

import java.util.List;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.testkit.DoctorCheckCompatibilityKit;

/** Holds the JDK check to the doctor-check contract, on this JDK and on one too old for Polis. */
class JdkCheckCompatibilityTest extends DoctorCheckCompatibilityKit {

    @Override
    protected DoctorCheck createCheck() {
        return JdkCheck.current();
    }

    @Override
    protected List<DoctorCheck> situations() {
        return List.of(JdkCheck.current(), new JdkCheck(17, "17.0.9", "Debian", "/usr/lib/jvm/java-17"));
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
