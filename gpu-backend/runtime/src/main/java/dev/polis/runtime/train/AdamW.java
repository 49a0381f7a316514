package dev.polis.runtime.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * AdamW (decoupled weight decay) over {@link Parameter}s with global-norm gradient clipping. Moments live on the
 * optimizer's manager and are part of the trainer state; the update runs in place, outside gradient recording.
 */
final class AdamW {

    private final List<Parameter> parameters;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final java.util.List<String> nonFinite = new java.util.ArrayList<>();

    AdamW(List<Parameter> parameters, NDManager manager, double beta1, double beta2, double epsilon,
          double weightDecay) {
        this.parameters = parameters;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        for (Parameter p : parameters) {
            first.put(p.name(), manager.zeros(p.array().getShape()));
            second.put(p.name(), manager.zeros(p.array().getShape()));
        }
    }

    /** Returns the parameters whose gradient was not finite at the last skipped update. */
    java.util.List<String> nonFinite() {
        return java.util.List.copyOf(nonFinite);
    }

    /** Zeroes every gradient without updating anything (a skipped step). */
    void skip() {
        for (Parameter p : parameters) {
            NDArray g = p.array().getGradient();
            g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            g.close();
        }
    }

    /** Returns the first moments by parameter name (for saving and restoring). */
    Map<String, NDArray> firstMoments() {
        return first;
    }

    /** Returns the second moments by parameter name. */
    Map<String, NDArray> secondMoments() {
        return second;
    }

    /**
     * Applies one update with learning rate {@code lr} for the 1-based update count {@code t}, clipping the
     * gradients to a global L2 norm of {@code clip} (no clipping when {@code clip <= 0}); zeroes the gradients.
     * When the gradient norm is not finite nothing is updated (the gradients are only zeroed).
     *
     * @return the gradient norm before clipping
     */
    double step(double lr, long t, double clip) {
        NDArray[] grads = new NDArray[parameters.size()];
        double squares = 0;
        for (int i = 0; i < grads.length; i++) {
            grads[i] = parameters.get(i).array().getGradient();
            squares += grads[i].square().sum().getFloat();
        }
        double norm = Math.sqrt(squares);
        if (!Double.isFinite(norm)) {
            nonFinite.clear();
            for (int i = 0; i < grads.length; i++) {
                if (!Float.isFinite(grads[i].square().sum().getFloat())) {
                    nonFinite.add(parameters.get(i).name());
                }
            }
            for (NDArray g : grads) {
                g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            }
            return norm;
        }
        double factor = clip > 0 && norm > clip ? clip / (norm + 1e-6) : 1.0;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < grads.length; i++) {
            Parameter p = parameters.get(i);
            NDArray g = factor == 1.0 ? grads[i] : grads[i].mul((float) factor);
            NDArray m = first.get(p.name());
            NDArray v = second.get(p.name());
            m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            v.muli((float) beta2).addi(g.square().mul((float) (1 - beta2)));
            NDArray update = m.div((float) correction1)
                    .div(v.div((float) correction2).sqrt().add((float) epsilon));
            if (p.decay() && weightDecay > 0) {
                p.array().muli((float) (1 - lr * weightDecay));
            }
            p.array().subi(update.mul((float) lr));
            grads[i].subi(grads[i]);
        }
        return norm;
    }
}
