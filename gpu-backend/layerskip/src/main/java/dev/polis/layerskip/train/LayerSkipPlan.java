package dev.polis.layerskip.train;

import java.util.Locale;
import java.util.Map;
import dev.polis.runtime.train.RecipePlan;

/**
 * The per-step numbers of the LayerSkip recipe: {@code p(l,t) = S(t)·D(l)·pMax} and the normalised early-exit weights
 * {@code ẽ(t,l) = C(t,l)·e'(l) / Σ_i C(t,i)·e'(i)}, where {@code e'(l) = eScale·e(l)} for every layer but the last and
 * {@code e'(L-1) = e(L-1)}.
 */
final class LayerSkipPlan implements RecipePlan {

    private final RecipeOptions options;

    LayerSkipPlan(RecipeOptions options) {
        this.options = options;
    }

    @Override
    public double[] layerDropout(long step, long totalSteps, int layers) {
        double time = options.fromScratch() ? timeScale(step, totalSteps) : 1;
        double[] p = new double[layers];
        for (int l = 0; l < layers; l++) {
            p[l] = time * options.dropoutScale().at(l, layers) * options.pMax();
        }
        return p;
    }

    /** Returns S(t) = exp(t·ln2/(T-1)) - 1, rising from 0 to 1 over training. */
    static double timeScale(long step, long totalSteps) {
        if (totalSteps <= 1) {
            return 1;
        }
        return Math.exp(step * Math.log(2) / (totalSteps - 1)) - 1;
    }

    @Override
    public double[] exitWeights(long step, long totalSteps, int layers) {
        int rotation = options.rotation() == 0 ? Math.max(1, layers - 1) : options.rotation();
        double[] w = new double[layers];
        double total = 0;
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            if (last || options.curriculum().enabled(l, layers, step, totalSteps, rotation)) {
                double scale = options.lossScale().at(l, layers);
                w[l] = last ? scale : options.eScale() * scale;
                total += w[l];
            }
        }
        if (total <= 0) {
            w = new double[layers];
            w[layers - 1] = 1;
            return w;
        }
        for (int l = 0; l < layers; l++) {
            w[l] /= total;
        }
        return w;
    }

    @Override
    public Map<String, Object> settings() {
        return options.asMap();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "layerskip pMax=%s dropoutScale=%s fromScratch=%s eScale=%s lossScale=%s "
                        + "curriculum=%s rotation=%s", options.pMax(), options.dropoutScale().label(),
                options.fromScratch(), options.eScale(), options.lossScale().label(), options.curriculum().label(),
                options.rotation() == 0 ? "L-1" : options.rotation());
    }
}
