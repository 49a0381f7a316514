package dev.polis.runtime.accelerators;

import java.util.List;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;

/**
 * Several accelerators installed as one, in order, each with the same settings block: how the kit tests a
 * combination (the host's {@code POLIS_ACCELERATORS=a,b,c} installs them one by one the same way).
 */
final class ComposedAccelerator implements Accelerator {

    private final String id;
    private final List<Accelerator> parts;

    ComposedAccelerator(String id, List<Accelerator> parts) {
        this.id = id;
        this.parts = List.copyOf(parts);
    }

    /** The three test accelerators in their documented order: feed-forward, cache policy, prefill strategy. */
    static ComposedAccelerator allThree() {
        return new ComposedAccelerator("accelerator.test-all-three",
                List.of(new CountingFeedForward(), new KeepLastPolicy(), new TwoHalfPrefill()));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "test accelerators installed together: " + parts.stream().map(Accelerator::id).toList();
    }

    @Override
    public void install(AcceleratorTarget target, Settings settings) {
        for (Accelerator part : parts) {
            part.install(target, settings);
        }
    }
}
