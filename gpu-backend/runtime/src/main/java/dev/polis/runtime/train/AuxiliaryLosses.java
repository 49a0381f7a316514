package dev.polis.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;
import ai.djl.ndarray.NDArray;

/**
 * The {@link TrainingPass} of one forward: collects the auxiliary losses that blocks add, summed per name, and
 * their total, which {@link ExitLoss} adds to a training step's loss.
 */
final class AuxiliaryLosses implements TrainingPass {

    private final long step;
    private final boolean training;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();
    private NDArray total;

    private AuxiliaryLosses(long step, boolean training) {
        this.step = step;
        this.training = training;
    }

    /** Returns the pass of optimizer step {@code step}. */
    static AuxiliaryLosses training(long step) {
        return new AuxiliaryLosses(step, true);
    }

    /** Returns a validation (or check) pass: losses are recorded, not added. */
    static AuxiliaryLosses validation() {
        return new AuxiliaryLosses(-1, false);
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public void addLoss(String name, NDArray loss) {
        if (loss.getShape().size() != 1) {
            throw new IllegalArgumentException("the auxiliary loss '" + name + "' must be a scalar, not "
                    + loss.getShape());
        }
        NDArray scalar = loss.reshape();
        byName.merge(name, scalar, NDArray::add);
        total = total == null ? scalar : total.add(scalar);
    }

    /** Returns the sum of the added losses, or null when none was added. */
    NDArray total() {
        return total;
    }

    /** Returns each name's summed value. */
    Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        byName.forEach((n, a) -> out.put(n, (double) a.getFloat()));
        return out;
    }
}
