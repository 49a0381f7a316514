package dev.polis.runtime.engine;

import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import org.pf4j.Extension;

/** Reports, for {@code polis doctor}, whether DJL's PyTorch engine starts, its version, devices and threads. */
@Extension
public final class EngineDoctorCheck implements DoctorCheck {

    @Override
    public String id() {
        return "gpu-backend.engine";
    }

    @Override
    public String description() {
        return "DJL's PyTorch engine: version, devices, thread settings";
    }

    @Override
    public CheckResult run() {
        try {
            EngineReport report = PyTorchEngine.report();
            if (!report.offline()) {
                return CheckResult.warn(report.summary(), "DJL may download native libraries; set DJL_OFFLINE=true "
                        + "to use only the bundled ones");
            }
            return CheckResult.pass(report.summary());
        } catch (RuntimeException | LinkageError e) {
            return CheckResult.fail("PyTorch engine unavailable: " + e.getMessage(), "the gpu-backend plugin bundles "
                    + "PyTorch's CPU library for linux-x86_64; elsewhere set PYTORCH_LIBRARY_PATH");
        }
    }
}
