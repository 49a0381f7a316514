package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.FeedForwardSeam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis bench}: times prefill (time to first token) for given prompt lengths and greedy-free decoding, and
 * relates decode speed to the memory-bandwidth bound (weight bytes per token ÷ copy bandwidth measured in the same
 * run on the same device). Reports medians of several runs after warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Measures time to first token, decode tokens/s and the fraction of the memory-bandwidth bound.",
    "Example: polis bench --model models/smollm2-135m --prompt 512 --prompt 2048 --decode 64"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<folder>", description = "The checkpoint folder.")
    private Path model;

    @Option(names = "--prompt", paramLabel = "<tokens>", description = "Prompt lengths to time (repeatable; default 512 and 2048).")
    private List<Integer> prompts = List.of(512, 2048);

    @Option(names = "--decode", defaultValue = "64", paramLabel = "<tokens>", description = "Tokens decoded per run (default ${DEFAULT-VALUE}).")
    private int decode;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "<n>", description = "Timed runs per figure (default ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "<n>", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--device", paramLabel = "<device>", description = "cpu, cuda or cuda:N (default: POLIS_DEVICE, else cpu).")
    private String device;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int longest = prompts.stream().mapToInt(Integer::intValue).max().orElse(0) + decode + 1;
        try (TransformerLm lm = TransformerLm.load(model, LoadOptions.DEFAULTS.withDevice(device).withMaxContext(longest))) {
            out.printf("model %s on %s, threads %s; %,d weight bytes read per token%n", lm.config().describe(),
                    lm.device(), System.getProperty("ai.djl.pytorch.num_threads", "default"), lm.weightBytes());
            double bandwidth = bandwidth(lm.seam(FeedForwardSeam.class).manager());
            out.printf("copy bandwidth %.2f GB/s -> bound %.1f ms/token (%.1f tokens/s)%n", bandwidth / 1e9,
                    lm.weightBytes() / bandwidth * 1e3, bandwidth / lm.weightBytes());
            SplittableRandom random = new SplittableRandom(1);
            for (int length : prompts) {
                int[] prompt = random.ints(length, 0, Math.min(256, lm.vocabularySize())).toArray();
                double[] ttft = time(() -> {
                    try (TransformerSession s = lm.newSession(1, length + 1)) {
                        s.appendLast(prompt);
                    }
                });
                out.printf("prompt %5d tokens: time to first token median %.1f ms, p90 %.1f ms%n", length,
                        median(ttft) * 1e3, p90(ttft) * 1e3);
            }
            int[] prompt = random.ints(16, 0, Math.min(256, lm.vocabularySize())).toArray();
            double[] perToken = time(() -> {
                try (TransformerSession s = lm.newSession(1, prompt.length + decode)) {
                    s.appendLast(prompt);
                    long start = System.nanoTime();
                    int token = prompt[prompt.length - 1];
                    for (int i = 0; i < decode; i++) {
                        token = argmax(s.appendLast(new int[] {token}));
                    }
                    lastDecode = (System.nanoTime() - start) / 1e9 / decode;
                }
            }, true);
            double seconds = median(perToken);
            double bound = lm.weightBytes() / bandwidth;
            out.printf("decode: median %.1f ms/token = %.1f tokens/s (p90 %.1f ms); %.0f%% of the bandwidth bound%n",
                    seconds * 1e3, 1 / seconds, p90(perToken) * 1e3, 100 * bound / seconds);
        }
        out.flush();
        return 0;
    }

    private double lastDecode;

    private double[] time(Runnable work) {
        return time(work, false);
    }

    private double[] time(Runnable work, boolean useInner) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = useInner ? lastDecode : (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    /** Measures copy bandwidth (bytes read + written per second) with a 256 MiB float array on the model's device. */
    private double bandwidth(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray source = m.ones(new Shape(64L * 1024 * 1024), DataType.FLOAT32);
            long bytes = source.size() * 4;
            double best = 0;
            for (int i = 0; i < 8; i++) {
                long start = System.nanoTime();
                NDArray copy = source.duplicate();
                copy.getFloat(0);
                double s = (System.nanoTime() - start) / 1e9;
                copy.close();
                best = Math.max(best, 2.0 * bytes / s);
            }
            return best;
        }
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double p90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)];
    }
}
