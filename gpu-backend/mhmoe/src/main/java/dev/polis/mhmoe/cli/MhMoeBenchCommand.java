package dev.polis.mhmoe.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.polis.api.InvalidInputException;
import dev.polis.mhmoe.layer.AllExpertsLayer;
import dev.polis.mhmoe.layer.MoeConfig;
import dev.polis.mhmoe.layer.MoeLayer;
import dev.polis.mhmoe.layer.RandomWeights;
import dev.polis.runtime.engine.DjlEnvironment;
import dev.polis.runtime.engine.PyTorchEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis mhmoe bench}: the layer throughput of an MH-MoE block, a sparse MoE, and each computed naively with
 * every expert on every sub-token, side by side in one process (the variants take turns within every round, so
 * load from other processes falls on all alike); prints the median tokens/s of each and their ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Layer throughput (tokens/s) of MH-MoE vs a sparse MoE vs both with all experts run densely, in one process.",
    "Example: polis mhmoe bench --hidden 96 --tokens 2048 --experts 8 --ffn 192 --heads 3 --mh-experts 24 "
            + "--mh-ffn 128"})
public final class MhMoeBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hidden", defaultValue = "96", description = "Model width D (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--tokens", defaultValue = "2048", description = "Tokens per forward (default: ${DEFAULT-VALUE}).")
    private int tokens;

    @Option(names = "--experts", defaultValue = "8", description = "Sparse MoE experts (default: ${DEFAULT-VALUE}).")
    private int experts;

    @Option(names = "--ffn", defaultValue = "192", description = "Sparse MoE expert width (default: ${DEFAULT-VALUE}).")
    private int ffn;

    @Option(names = "--top-k", defaultValue = "1", description = "k of both (default: ${DEFAULT-VALUE}).")
    private int topK;

    @Option(names = "--heads", defaultValue = "3", description = "MH-MoE heads h (default: ${DEFAULT-VALUE}).")
    private int heads;

    @Option(names = "--mh-experts", defaultValue = "24", description = "MH-MoE experts (default: ${DEFAULT-VALUE}).")
    private int mhExperts;

    @Option(names = "--mh-ffn", defaultValue = "128", description = "MH-MoE expert width (default: ${DEFAULT-VALUE}).")
    private int mhFfn;

    @Option(names = "--rounds", defaultValue = "9", description = "Timed rounds (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed rounds first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    private record Variant(String name, MoeConfig config, Function<NDArray, NDArray> forward, double[] seconds) {
    }

    @Override
    public Integer call() {
        if (hidden % heads != 0 || topK > experts || topK > mhExperts || tokens < 1 || rounds < 1) {
            throw new InvalidInputException("--heads " + heads + " must divide --hidden " + hidden + ", --top-k " + topK
                    + " must not exceed --experts or --mh-experts, --tokens and --rounds must be >= 1");
        }
        DjlEnvironment.prepare();
        PrintWriter out = spec.commandLine().getOut();
        List<Integer> all = List.of(0);
        MoeConfig sparse = new MoeConfig(all, 1, experts, topK, ffn, false, 0, 0, false);
        MoeConfig multi = new MoeConfig(all, heads, mhExperts, topK, mhFfn, true, 0, 0, false);
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            MoeLayer s = new MoeLayer(sparse, RandomWeights.of(sparse, hidden, 0.1, 1, manager));
            MoeLayer m = new MoeLayer(multi, RandomWeights.of(multi, hidden, 0.1, 2, manager));
            List<Variant> variants = new ArrayList<>();
            variants.add(new Variant("sparse MoE", sparse, x -> s.forward(x, 0).output(), new double[rounds]));
            variants.add(new Variant("sparse MoE, all experts", sparse, new AllExpertsLayer(s)::forward,
                    new double[rounds]));
            variants.add(new Variant("MH-MoE", multi, x -> m.forward(x, 0).output(), new double[rounds]));
            variants.add(new Variant("MH-MoE, all experts", multi, new AllExpertsLayer(m)::forward,
                    new double[rounds]));
            NDArray x = manager.randomNormal(0, 1, new Shape(tokens, hidden), ai.djl.ndarray.types.DataType.FLOAT32);
            out.printf(Locale.ROOT, "layer bench: hidden %d, %d tokens per forward, top-%d, %d rounds after %d warm-up,"
                    + " %s threads%n", hidden, tokens, topK, rounds, warmup,
                    System.getProperty("ai.djl.pytorch.num_threads", "default"));
            for (int r = -warmup; r < rounds; r++) {
                for (int i = 0; i < variants.size(); i++) {
                    Variant v = variants.get((i + Math.max(r, 0)) % variants.size());
                    try (NDManager step = manager.newSubManager()) {
                        NDArray input = x.duplicate();
                        input.attach(step);
                        long start = System.nanoTime();
                        NDArray y = v.forward().apply(input);
                        y.toFloatArray();
                        if (r >= 0) {
                            v.seconds()[r] = (System.nanoTime() - start) / 1e9;
                        }
                    }
                }
            }
            double[] rate = new double[variants.size()];
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get(i);
                rate[i] = tokens / median(v.seconds());
                out.printf(Locale.ROOT, "%-24s %-60s %,12.0f tokens/s (median of %d), %,d parameters, %,d multiply-adds"
                        + " per token in its experts%s%n", v.name(), v.config().describe(), rate[i], rounds,
                        v.config().parametersPerLayer(hidden), expertWork(v.config(), i % 2 == 1),
                        i % 2 == 1 ? " (all experts)" : "");
            }
            out.printf(Locale.ROOT, "chosen experts only vs all experts: sparse MoE %.2fx, MH-MoE %.2fx faster; "
                    + "MH-MoE / sparse MoE: %.2fx the throughput%n", rate[0] / rate[1], rate[2] / rate[3],
                    rate[2] / rate[0]);
        }
        out.flush();
        return 0;
    }

    private long expertWork(MoeConfig c, boolean allExperts) {
        long d = c.subWidth(hidden);
        return (long) c.heads() * (allExperts ? c.experts() : c.topK()) * 3 * d * c.expertHidden();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
