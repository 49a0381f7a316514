package dev.polis.layerskip.decode;

import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;

/**
 * Measures a model's {@link LayerCosts} once (in a scratch session: all layers on 1 and on 9 tokens after a short
 * context, and the head), medians of a few timed runs after warm-up; the result is kept per model.
 */
final class CostProbe {

    private static final int CONTEXT = 16;
    private static final int WIDE = 9;
    private static final int RUNS = 5;
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
            double one = median(() -> layersOn(model, session, 1));
            double wide = median(() -> layersOn(model, session, WIDE));
            double head = median(() -> session.step(() -> {
                NDArray h = model.layers().embed(session, new int[][] {{1}});
                h.toFloatArray();
                long start = System.nanoTime();
                model.lastLogits(h, 1);
                return (System.nanoTime() - start) / 1e9;
            }));
            double perLayer = one / depth;
            double extra = Math.max(0, (wide - one) / depth / (WIDE - 1));
            return new LayerCosts(depth, perLayer, extra, head);
        }
    }

    private static double layersOn(LayeredModel model, TransformerSession session, int tokens) {
        int[] ids = new int[tokens];
        Arrays.fill(ids, 5 % model.lm().vocabularySize());
        double seconds = session.step(() -> {
            NDArray embedded = model.layers().embed(session, new int[][] {ids});
            embedded.toFloatArray();
            long start = System.nanoTime();
            NDArray out = model.run(session, embedded, CONTEXT, 0, model.depth());
            out.getFloat(0, 0, 0);
            return (System.nanoTime() - start) / 1e9;
        });
        session.assumeLength(CONTEXT + tokens);
        session.crop(CONTEXT);
        return seconds;
    }

    private static double median(Supplier<Double> timed) {
        timed.get();
        timed.get();
        double[] runs = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            runs[i] = timed.get();
        }
        Arrays.sort(runs);
        return runs[RUNS / 2];
    }
}
