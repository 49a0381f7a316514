package dev.polis.runtime.engine;

import ai.djl.Device;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.InferenceOptions;

/**
 * Chooses the device to run on: the inference options' device, else the CPU; and checks that a requested GPU exists.
 *
 * <p>The options arrive complete: the host has already filled an open device with the operator's
 * ({@code POLIS_DEVICE}, {@code -Dpolis.device}), so nothing here reads the environment.
 */
public final class Devices {

    private Devices() {
    }

    /** Returns the device {@code options} ask for; the CPU when they leave it open. */
    public static DeviceSpec requested(InferenceOptions options) {
        if (options != null && options.device() != null) {
            return DeviceSpec.parse(options.device(), "device (runtime.device, --device or POLIS_DEVICE)");
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

    /** Returns the device for {@code options}, checked against the PyTorch engine. */
    public static Device select(InferenceOptions options) {
        DeviceSpec spec = requested(options);
        return resolve(spec, spec.cuda() ? PyTorchEngine.get().getGpuCount() : 0);
    }
}
