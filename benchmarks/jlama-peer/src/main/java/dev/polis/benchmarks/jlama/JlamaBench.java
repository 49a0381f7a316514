package dev.polis.benchmarks.jlama;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import com.github.tjake.jlama.model.AbstractModel;
import com.github.tjake.jlama.model.ModelSupport;
import com.github.tjake.jlama.safetensors.DType;
import com.github.tjake.jlama.tensor.AbstractTensor;
import com.github.tjake.jlama.tensor.KvBufferCache;
import com.github.tjake.jlama.util.PhysicalCoreExecutor;

/**
 * Times Jlama on a Hugging Face checkpoint exactly as {@code polis bench} times Polis, as the peer of the side-by-side
 * runtime benchmark ({@code benchmarks/scripts/peer-bench.sh}).
 *
 * <p>Same prompts (token ids from {@code SplittableRandom(1)} in {@code [0, min(256, vocab))}: one prompt per length,
 * then a 16-token prompt for decode), greedy decoding, float32 weights and working memory, a fresh KV buffer per run,
 * medians of {@code --runs} after {@code --warmup} untimed runs. Time to first token is the prompt's batch forward
 * plus the first token's choice; decode is the time from the first token to the last over the tokens in between. The
 * output lines have the shape of {@code polis bench}'s, so the script reads both the same way.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp ... dev.polis.benchmarks.jlama.JlamaBench --model DIR
 *     [--prompt N]... [--decode N] [--runs N] [--warmup N] [--threads N]</pre>
 */
public final class JlamaBench {

    private static final int DECODE_PROMPT = 16;

    private JlamaBench() {
    }

    /** Runs the bench; exits 2 with a message on bad arguments. */
    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jlama bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        PhysicalCoreExecutor.overrideThreadCount(o.threads());
        AbstractModel model = ModelSupport.loadModel(o.model(), DType.F32, DType.F32);
        int vocabulary = model.getConfig().vocabularySize;
        System.out.printf(Locale.ROOT, "jlama 0.8.4 %s: %d layers, hidden %d, vocab %d, threads %d, float32%n",
                o.model(), model.getConfig().numberOfLayers, model.getConfig().embeddingLength, vocabulary,
                o.threads());
        SplittableRandom random = new SplittableRandom(1);
        for (int length : o.prompts()) {
            int[] prompt = random.ints(length, 0, Math.min(256, vocabulary)).toArray();
            double[] ttft = timed(o, () -> generate(model, prompt, 1)[0]);
            System.out.printf(Locale.ROOT, "prompt %5d tokens: time to first token median %.1f ms, p90 %.1f ms%n",
                    length, median(ttft) * 1e3, p90(ttft) * 1e3);
        }
        int[] prompt = random.ints(DECODE_PROMPT, 0, Math.min(256, vocabulary)).toArray();
        double[] perToken = timed(o, () -> generate(model, prompt, o.decode())[1]);
        double seconds = median(perToken);
        System.out.printf(Locale.ROOT, "decode: median %.1f ms/token = %.1f tokens/s (p90 %.1f ms)%n", seconds * 1e3,
                1 / seconds, p90(perToken) * 1e3);
        model.close();
        System.exit(0);
    }

    /**
     * Prefills {@code prompt} and decodes greedily until {@code tokens} tokens came; returns the seconds to the first
     * token and the seconds per token after it (0 when only one came).
     */
    static double[] generate(AbstractModel model, int[] prompt, int tokens) {
        try (KvBufferCache cache = new KvBufferCache(model);
             KvBufferCache.KvBuffer kv = cache.getKvBuffer(UUID.randomUUID());
             AbstractTensor logits = model.makeDenseTensor(model.getConfig().vocabularySize)) {
            long start = System.nanoTime();
            AbstractTensor last = model.batchForward(prompt, 0, kv);
            int next = model.sample(last.slice(last.shape().first() - 1), 0f, 0f, logits);
            last.close();
            long first = System.nanoTime();
            for (int i = 1; i < tokens; i++) {
                AbstractTensor output = model.forward(next, prompt.length + i - 1, kv, java.util.Optional.empty());
                next = model.sample(output, 0f, 0f, logits);
                output.close();
            }
            long end = System.nanoTime();
            return new double[] {(first - start) / 1e9, tokens > 1 ? (end - first) / 1e9 / (tokens - 1) : 0};
        }
    }

    private static double[] timed(Options o, java.util.function.DoubleSupplier work) {
        for (int i = 0; i < o.warmup(); i++) {
            work.getAsDouble();
        }
        double[] seconds = new double[o.runs()];
        for (int i = 0; i < o.runs(); i++) {
            seconds[i] = work.getAsDouble();
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double p90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)];
    }

    /** The bench's arguments. */
    record Options(File model, List<Integer> prompts, int decode, int runs, int warmup, int threads) {

        static Options parse(String[] args) {
            File model = null;
            List<Integer> prompts = new ArrayList<>();
            int decode = 64;
            int runs = 5;
            int warmup = 2;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + ": needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--model" -> model = new File(value);
                    case "--prompt" -> prompts.add(positive(name, value));
                    case "--decode" -> decode = positive(name, value);
                    case "--runs" -> runs = positive(name, value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--threads" -> threads = positive(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name + " (known: --model, "
                            + "--prompt, --decode, --runs, --warmup, --threads)");
                }
            }
            if (model == null || !new File(model, "config.json").isFile()) {
                throw new IllegalArgumentException("--model: give a Hugging Face checkpoint folder with config.json"
                        + (model == null ? "" : "; " + model + " has none"));
            }
            return new Options(model, prompts.isEmpty() ? List.of(512, 2048) : prompts, decode, runs, warmup, threads);
        }

        private static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + ": expected a whole number >= 1 but got '" + value + "'");
        }
    }
}
