package dev.polis.runtime.accelerators;

import dev.polis.api.InvalidInputException;
import dev.polis.api.inference.AcceleratorTarget;

/** How the test accelerators ask for a seam: one they need and the target lacks is an error naming the model. */
final class Seams {

    private Seams() {
    }

    static <T> T require(AcceleratorTarget target, Class<T> type, String accelerator) {
        return target.seam(type).orElseThrow(() -> new InvalidInputException(accelerator + " needs the runtime's "
                + type.getSimpleName() + " seam, which " + target.describe() + " does not offer: install it into a "
                + "gpu-backend model (local:<folder>)"));
    }
}
