package dev.polis.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import dev.polis.api.InvalidInputException;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.chat.InferenceOptions;
import org.junit.jupiter.api.Test;

/** Starts the real PyTorch engine from the bundled CPU natives, offline. */
class PyTorchEngineTest {

    @Test
    void startsOfflineAndReportsItself() {
        EngineReport report = PyTorchEngine.report();
        assertThat(report.engineName()).isEqualTo("PyTorch");
        assertThat(report.engineVersion()).isEqualTo("2.7.1");
        assertThat(report.djlVersion()).isEqualTo("0.35.1");
        assertThat(report.offline()).isTrue();
        assertThat(report.threads()).isPositive();
        assertThat(report.summary()).startsWith("PyTorch 2.7.1 (DJL 0.35.1), devices: cpu");
    }

    @Test
    void theDoctorCheckPasses() {
        CheckResult result = new EngineDoctorCheck().run();
        assertThat(result.status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(result.summary()).contains("PyTorch 2.7.1", "threads");
    }

    @Test
    void cudaRequestedOnAMachineWithoutCudaFailsClearly() {
        assumeTrue(PyTorchEngine.get().getGpuCount() == 0, "this machine has a CUDA GPU");
        assertThatThrownBy(() -> Devices.select(new InferenceOptions("cuda:0", null, List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("device cuda:0 was requested, but DJL's PyTorch engine finds no CUDA GPU");
    }

    @Test
    void theCpuIsAlwaysThere() {
        assertThat(Devices.select(new InferenceOptions("cpu", null, List.of())).getDeviceType()).isEqualTo("cpu");
    }
}
