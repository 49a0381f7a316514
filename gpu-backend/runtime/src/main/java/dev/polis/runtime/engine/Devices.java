package dev.polis.runtime.engine;

import java.util.function.Function;
import ai.djl.Device;
import dev.polis.api.InvalidInputException;
import dev.polis.api.inference.InferenceOptions;

/**
 * Chooses the device to run on: the inference options' device, else {@code POLIS_DEVICE}, else the CPU; and checks
 * that a requested GPU exists.
 */
public final class Devices {

    /** The environment variable operators set to switch device without touching configuration. */
    public static final String ENVIRONMENT_VARIABLE = "POLIS_DEVICE";

    private Devices() {
    }

    /** Returns the device {@code options} or, failing that, the environment ask for; the CPU when neither does. */
    public static DeviceSpec requested(InferenceOptions options, Function<String, String> environment) {
        if (options != null && options.device() != null && !options.device().isBlank()) {
            return DeviceSpec.parse(options.device(), "runtime.device");
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return DeviceSpec.parse(fromEnvironment, ENVIRONMENT_VARIABLE);
        }
        return DeviceSpec.CPU;
    }

    /**
     * Returns the DJL device for {@code spec}, given how many CUDA GPUs the engine sees.
     *
     * @throws InvalidInputException when a GPU is asked for that the engine cannot use
     */
    public static Device resolve(DeviceSpec spec, int gpuCount) {
        if (!spec.cuda()) {
            return Device.cpu();
        }
        if (gpuCount == 0) {
            throw new InvalidInputException("device " + spec + " was requested, but DJL's PyTorch engine finds no CUDA "
                    + "GPU (this installation has " + (PyTorchEngine.isLoaded() ? "a PyTorch build without usable CUDA"
                    : "no CUDA PyTorch") + "). Run on the CPU with POLIS_DEVICE=cpu, or on a machine with an NVIDIA "
                    + "GPU, its driver and a CUDA build of PyTorch (PYTORCH_FLAVOR / PYTORCH_LIBRARY_PATH)");
        }
        if (spec.index() >= gpuCount) {
            throw new InvalidInputException("device " + spec + " was requested, but only " + gpuCount + " CUDA GPU"
                    + (gpuCount == 1 ? " is" : "s are") + " visible (cuda:0" + (gpuCount > 1 ? " to cuda:"
                    + (gpuCount - 1) : "") + ")");
        }
        return Device.gpu(spec.index());
    }

    /** Returns the device for {@code options} and the process environment, checked against the PyTorch engine. */
    public static Device select(InferenceOptions options) {
        DeviceSpec spec = requested(options, System::getenv);
        return resolve(spec, spec.cuda() ? PyTorchEngine.get().getGpuCount() : 0);
    }
}
