package dev.polis.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.testkit.DoctorCheckCompatibilityKit;
import org.junit.jupiter.api.Test;

/** {@code gpu-backend.engine} keeps the doctor-check contract, and passes where the tests run (offline PyTorch). */
class EngineDoctorCheckCompatibilityTest extends DoctorCheckCompatibilityKit {

    @Override
    protected DoctorCheck createCheck() {
        return new EngineDoctorCheck();
    }

    @Test
    void passesWithTheBundledEngineOffline() {
        CheckResult result = createCheck().run();
        assertThat(result.status()).as(result.summary()).isEqualTo(CheckResult.Status.PASS);
        assertThat(result.summary()).as("summary").containsIgnoringCase("pytorch");
    }
}
