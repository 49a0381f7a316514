package dev.polis.runtime.engine;

import java.util.Objects;
import ai.djl.Device;
import com.google.inject.Inject;
import dev.polis.api.PolisException;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.api.host.Models;
import dev.polis.api.chat.InferenceOptions;
import org.pf4j.Extension;

/**
 * Reports, for {@code polis doctor}, whether the device the operator chose ({@code POLIS_DEVICE} or
 * {@code -Dpolis.device}, as the host resolved them; the CPU by default) is usable.
 */
@Extension
public final class DeviceDoctorCheck implements DoctorCheck {

    private final Models models;

    /** Creates the check over the host's model service, which knows the operator's choices (injected by the host). */
    @Inject
    public DeviceDoctorCheck(Models models) {
        this.models = Objects.requireNonNull(models, "models");
    }

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
        InferenceOptions operator = models.operatorChoices();
        try {
            Device device = Devices.select(operator);
            return CheckResult.pass("local models run on " + device + " (POLIS_DEVICE="
                    + (operator.device() == null ? "unset, so cpu" : operator.device()) + ")");
        } catch (PolisException e) {
            return CheckResult.fail(e.getMessage(), "set POLIS_DEVICE=cpu, or install a CUDA build of PyTorch");
        }
    }
}
