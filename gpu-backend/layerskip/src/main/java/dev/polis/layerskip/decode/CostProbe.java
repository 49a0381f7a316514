package dev.polis.layerskip.decode;

import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.DoubleSupplier;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;

/**
 * Measures a model's {@link LayerCosts} once in a scratch session after a short context: whole steps (arrays freed
 * included) of a pass through no layer, through all layers on 1 and on 9 tokens, and the head; medians of a few timed
 * runs after warm-up. The result is kept per model.
 */
final class CostProbe {

    private static final int CONTEXT = 16;
    private static final int WIDE = 9;
    private static final int RUNS = 7;
    private static final Map<TransformerLm, LayerCosts> MEASURED = new WeakHashMap<>();

    private CostProbe() {
    }

    /** Returns the costs of {@code model}, measuring them on first use. */
    static LayerCosts costs(LayeredModel model) {
        synchronized (MEASURED) {
            return MEASURED.computeIfAbsent(model.lm(), lm -> measure(model));
        }
    }

    private static LayerCosts measure(LayeredModel model) {
        int depth = model.depth();
        int vocab = model.lm().vocabularySize();
        int[] context = new int[CONTEXT];
        for (int i = 0; i < CONTEXT; i++) {
            context[i] = (i * 7 + 3) % vocab;
        }
        try (TransformerSession session = model.lm().newSession(1, CONTEXT + WIDE + 1)) {
            session.step(() -> model.run(session, context, 0, 0, depth).getShape());
            session.assumeLength(CONTEXT);
            double pass = median(() -> pass(model, session, 1, 0, false));
            double one = median(() -> pass(model, session, 1, depth, false));
            double wide = median(() -> pass(model, session, WIDE, depth, false));
            double withHead = median(() -> pass(model, session, 1, 0, true));
            double perLayer = Math.max(0, one - pass) / depth;
            double extra = Math.max(0, (wide - one) / depth / (WIDE - 1));
            return new LayerCosts(depth, perLayer, extra, Math.max(0, withHead - pass), pass);
        }
    }

    /** Times one step: embed {@code tokens} tokens, run {@code layers} layers, optionally the head on the last row. */
    private static double pass(LayeredModel model, TransformerSession session, int tokens, int layers, boolean head) {
        int[] ids = new int[tokens];
        Arrays.fill(ids, 5 % model.lm().vocabularySize());
        long start = System.nanoTime();
        session.step(() -> {
            NDArray out = model.run(session, ids, CONTEXT, 0, layers);
            if (head) {
                model.lastLogits(out, 1);
            } else {
                out.getFloat(0, 0, 0);
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        session.assumeLength(CONTEXT + (layers > 0 ? tokens : 0));
        session.crop(CONTEXT);
        return seconds;
    }

    private static double median(DoubleSupplier timed) {
        timed.getAsDouble();
        timed.getAsDouble();
        double[] runs = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            runs[i] = timed.getAsDouble();
        }
        Arrays.sort(runs);
        return runs[RUNS / 2];
    }
}
