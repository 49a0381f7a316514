package dev.polis.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import ai.djl.Device;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.InferenceOptions;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void parsesTheNamesOperatorsWrite() {
        assertThat(DeviceSpec.parse("cpu", "x")).isEqualTo(DeviceSpec.CPU);
        assertThat(DeviceSpec.parse(" CUDA:1 ", "x")).isEqualTo(new DeviceSpec(true, 1));
        assertThat(DeviceSpec.parse("cuda", "x")).hasToString("cuda:0");
        assertThat(DeviceSpec.parse("gpu2", "x")).hasToString("cuda:2");
    }

    @Test
    void anUnknownDeviceNamesItsSourceAndTheKnownOnes() {
        assertThatThrownBy(() -> DeviceSpec.parse("tpu", "POLIS_DEVICE"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("POLIS_DEVICE: unknown device 'tpu' (known: cpu, cuda:0, cuda:1, ...)");
    }

    @Test
    void theOptionsDeviceIsUsedAndAnOpenOneMeansTheCpu() {
        assertThat(Devices.requested(new InferenceOptions("cuda:1", null, List.of()))).hasToString("cuda:1");
        assertThat(Devices.requested(new InferenceOptions("cpu", null, List.of()))).isEqualTo(DeviceSpec.CPU);
        assertThat(Devices.requested(InferenceOptions.DEFAULTS)).isEqualTo(DeviceSpec.CPU);
        assertThatThrownBy(() -> Devices.requested(new InferenceOptions("tpu", null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("POLIS_DEVICE");
    }

    @Test
    void cudaWithoutAGpuFailsWithAClearMessage() {
        assertThatThrownBy(() -> Devices.resolve(new DeviceSpec(true, 0), 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("device cuda:0 was requested")
                .hasMessageContaining("finds no CUDA GPU")
                .hasMessageContaining("POLIS_DEVICE=cpu");
    }

    @Test
    void aGpuIndexBeyondTheVisibleOnesFails() {
        assertThatThrownBy(() -> Devices.resolve(new DeviceSpec(true, 2), 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only 2 CUDA GPUs are visible (cuda:0 to cuda:1)");
        assertThat(Devices.resolve(new DeviceSpec(true, 1), 2)).isEqualTo(Device.gpu(1));
        assertThat(Devices.resolve(DeviceSpec.CPU, 0)).isEqualTo(Device.cpu());
    }
}
