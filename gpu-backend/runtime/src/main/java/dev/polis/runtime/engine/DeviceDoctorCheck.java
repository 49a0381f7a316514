package dev.polis.runtime.engine;

import ai.djl.Device;
import dev.polis.api.PolisException;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.api.inference.InferenceOptions;
import org.pf4j.Extension;

/** Reports, for {@code polis doctor}, whether the device {@code POLIS_DEVICE} asks for (CPU by default) is usable. */
@Extension
public final class DeviceDoctorCheck implements DoctorCheck {

    @Override
    public String id() {
        return "gpu-backend.device";
    }

    @Override
    public String description() {
        return "The device local models run on (POLIS_DEVICE: cpu or cuda:N)";
    }

    @Override
    public CheckResult run() {
        try {
            Device device = Devices.select(InferenceOptions.DEFAULTS);
            return CheckResult.pass("local models run on " + device + " (POLIS_DEVICE="
                    + System.getenv().getOrDefault(Devices.ENVIRONMENT_VARIABLE, "unset, so cpu") + ")");
        } catch (PolisException e) {
            return CheckResult.fail(e.getMessage(), "set POLIS_DEVICE=cpu, or install a CUDA build of PyTorch");
        }
    }
}
