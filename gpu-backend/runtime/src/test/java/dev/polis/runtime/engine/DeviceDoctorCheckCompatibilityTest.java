package dev.polis.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.testkit.DoctorCheckCompatibilityKit;
import org.junit.jupiter.api.Test;

/**
 * {@code gpu-backend.device} keeps the doctor-check contract in each situation the operator can make: no device
 * chosen (the CPU), the CPU named, a CUDA device this machine lacks, and a name that is no device at all.
 */
class DeviceDoctorCheckCompatibilityTest extends DoctorCheckCompatibilityKit {

    @Override
    protected DoctorCheck createCheck() {
        return check(null);
    }

    @Override
    protected List<DoctorCheck> situations() {
        return List.of(check(null), check("cpu"), check("cuda:63"), check("abacus"));
    }

    @Test
    void theCpuPassesAndAnUnknownDeviceFailsSayingWhatToSet() {
        assertThat(check(null).run().status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(check("cpu").run().summary()).contains("cpu");
        CheckResult unknown = check("abacus").run();
        assertThat(unknown.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(unknown.summary()).contains("abacus");
        assertThat(unknown.advice()).contains("POLIS_DEVICE=cpu");
        assertThat(check("cuda:63").run().status()).as("a CUDA device no machine here has")
                .isEqualTo(CheckResult.Status.FAIL);
    }

    private static DoctorCheck check(String device) {
        return new DeviceDoctorCheck(TestHost.models(TestHost.extensions(),
                new InferenceOptions(device, null, List.of())));
    }
}
