package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.chat.AcceleratorInstaller;
import dev.polis.runtime.chat.DecoderChoice;
import dev.polis.runtime.chat.DecoderLookup;
import dev.polis.runtime.model.HeapReadRate;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.FeedForwardSeam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis bench}: times prefill (time to first token) for given prompt lengths and decoding with the chosen
 * decoder at temperature 0, and relates decode speed to the memory-bandwidth bound (weight bytes per token ÷ the
 * read bandwidth of {@link ReadBandwidth}, measured in the same run through the same engine on the same device). Reports medians of several runs after warm-up.
 *
 * <p>Device and decoder: the flags, else the operator's choices ({@code POLIS_DEVICE}, {@code POLIS_DECODER}), else
 * the CPU and {@code decoder.greedy}. The operator's accelerators ({@code POLIS_ACCELERATORS}) are installed into the
 * model before anything is timed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Measures time to first token, decode tokens/s and the fraction of the memory-bandwidth bound.",
    "Example: polis bench --model models/smollm2-135m --prompt 512 --prompt 2048 --decode 64"})
public final class BenchCommand implements Callable<Integer> {

    /** The prompt tokens before the timed decoding. */
    private static final int DECODE_PROMPT = 16;

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

    @Option(names = "--bandwidth-mib", defaultValue = "512", paramLabel = "<MiB>",
            description = "Size of the matrix the read bandwidth is measured on (default ${DEFAULT-VALUE}; keep it far "
                    + "above the caches).")
    private int bandwidthMib;

    @Option(names = "--host-decode", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = "Decode steps' linear maps on the Java vector kernel (default ${DEFAULT-VALUE}; needs the "
                    + "JVM option --add-modules jdk.incubator.vector, which the launcher gives), or on PyTorch.")
    private boolean hostDecode;

    @Option(names = "--device", paramLabel = "<device>", description = "cpu, cuda or cuda:N (default: POLIS_DEVICE, else cpu).")
    private String device;

    @Option(names = "--decoder", paramLabel = "<id>",
            description = "The decoder timed for decode speed (default: POLIS_DECODER, else decoder.greedy).")
    private String decoder;

    @Option(names = "--decoder-option", paramLabel = "<key=value>",
            description = "A setting of the decoder (repeatable), e.g. --decoder decoder.self-speculative "
                    + "--decoder-option exitLayer=6 --decoder-option draftTokens=8.")
    private Map<String, String> decoderOptions = new LinkedHashMap<>();

    @Option(names = "--json-schema", paramLabel = "<file>",
            description = "Also decode held to this JSON Schema (constrained decoding) and report its cost per token "
                    + "against the unconstrained decode of the same run.")
    private Path jsonSchema;

    private final DecoderLookup decoders;
    private final AcceleratorInstaller accelerators;
    private final InferenceOptions operator;

    /**
     * Creates the command.
     *
     * @param decoders     resolves {@code --decoder}
     * @param accelerators installs the operator's accelerators
     * @param operator     the operator's inference choices, used where a flag is not given
     */
    public BenchCommand(DecoderLookup decoders, AcceleratorInstaller accelerators, InferenceOptions operator) {
        this.decoders = decoders;
        this.accelerators = accelerators;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InferenceOptions inference = InferenceFlags.resolve(device, decoder, decoderOptions, operator);
        GenerationSettings greedy = GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(decode);
        DecoderChoice chosen = decoders.choose(inference, greedy);
        int longest = Math.max(DECODE_PROMPT, prompts.stream().mapToInt(Integer::intValue).max().orElse(0))
                + decode + 1;
        LoadOptions load = LoadOptions.DEFAULTS.withDevice(inference.device()).withMaxContext(longest)
                .withHostDecode(hostDecode);
        try (TransformerLm lm = TransformerLm.load(model, load)) {
            accelerators.install(lm, inference);
            out.printf("model %s on %s, threads %s; %,d weight bytes read per token%n", lm.config().describe(),
                    lm.device(), System.getProperty("ai.djl.pytorch.num_threads", "default"), lm.weightBytes());
            out.printf("decode products: %s%n", lm.decodeProducts());
            out.printf("decoder %s; accelerators: %s%n", chosen.id(), inference.acceleratorIds().isEmpty() ? "none"
                    : String.join(", ", inference.acceleratorIds()));
            NDManager manager = lm.seam(FeedForwardSeam.class).orElseThrow().manager();
            ReadBandwidth reads = ReadBandwidth.measure(manager, (long) bandwidthMib << 20, 5);
            if (lm.decodesOnHeap()) {
                reads = reads.withHeapMatVec(HeapReadRate.measure((long) bandwidthMib << 20, 5));
            }
            double bandwidth = reads.best();
            out.printf("read bandwidth (%d MiB, best of 5): matrix-vector %.2f GB/s, sum %.2f GB/s%s -> bound %.1f "
                    + "ms/token (%.1f tokens/s); copy %.2f GB/s (read + write, for reference only)%n",
                    reads.bytes() >> 20, reads.matVecBytesPerSecond() / 1e9, reads.sumBytesPerSecond() / 1e9,
                    reads.heapMatVecBytesPerSecond() > 0 ? String.format(", Java kernel %.2f GB/s",
                            reads.heapMatVecBytesPerSecond() / 1e9) : "",
                    lm.weightBytes() / bandwidth * 1e3, bandwidth / lm.weightBytes(), copyBandwidth(manager) / 1e9);
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
            int[] prompt = random.ints(DECODE_PROMPT, 0, Math.min(256, lm.vocabularySize())).toArray();
            DecodeRequest request = new DecodeRequest(prompt, greedy, List.of(), chosen.options());
            long heapBefore = lm.heapDecodeSteps();
            double[] perToken = time(() -> lastDecode = decodeSecondsPerToken(chosen, lm, request), true);
            long heapSteps = lm.heapDecodeSteps() - heapBefore;
            double seconds = median(perToken);
            double bound = lm.weightBytes() / bandwidth;
            double fraction = bound / seconds;
            out.printf("decode: median %.1f ms/token = %.1f tokens/s (p90 %.1f ms); %.0f%% of the read-bandwidth bound%s%n",
                    seconds * 1e3, 1 / seconds, p90(perToken) * 1e3, 100 * fraction, fraction > 1
                            ? " (above 100 %: the measured read bandwidth understates what decoding reaches, so the "
                            + "bound is wrong, not the decoder; do not report this fraction)" : "");
            out.printf("decode steps on the Java heap: %,d (%s)%n", heapSteps, heapSteps > 0 ? "HostDecode: norms, "
                    + "products, attention and LM head in Java" : "every step through PyTorch");
            if (jsonSchema != null) {
                BenchConstraint constraint = BenchConstraint.of(jsonSchema, model, lm);
                DecodeRequest constrained = request.withConstraint(constraint);
                double[] held = time(() -> lastDecode = decodeSecondsPerToken(chosen, lm, constrained), true);
                double maskMs = constraint.nanosPerMask() / 1e6;
                out.printf("constrained decode (%s): median %.1f ms/token (p90 %.1f ms); %+.1f%% per token against "
                        + "unconstrained; the mask itself %.2f ms/token (%.1f%% of the unconstrained token)%n",
                        jsonSchema.getFileName(), median(held) * 1e3, p90(held) * 1e3,
                        100 * (median(held) / seconds - 1), maskMs, 100 * maskMs / (seconds * 1e3));
            }
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
    private static double copyBandwidth(NDManager parent) {
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

    /**
     * Decodes {@code request} and returns the seconds per token after the first (prefill excluded): the time from the
     * first token to the last, over the tokens in between; the time to the first token when only one came.
     */
    private static double decodeSecondsPerToken(DecoderChoice chosen, TransformerLm lm, DecodeRequest request) {
        long start = System.nanoTime();
        long[] first = {-1};
        long[] last = {-1};
        int[] count = {0};
        chosen.decoder().decode(lm, request, token -> {
            long now = System.nanoTime();
            first[0] = first[0] < 0 ? now : first[0];
            last[0] = now;
            count[0]++;
            return true;
        });
        if (count[0] < 2) {
            return ((count[0] == 0 ? System.nanoTime() : last[0]) - start) / 1e9;
        }
        return (last[0] - first[0]) / 1e9 / (count[0] - 1);
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
