package dev.polis.layerskip.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;
import dev.polis.layerskip.decode.Calibration;
import dev.polis.layerskip.decode.LayerSkipSettings;
import dev.polis.layerskip.decode.LayeredModel;
import dev.polis.layerskip.decode.SelfSpeculativeDecoder;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis layerskip bench}: decodes every prompt of a file with {@code decoder.greedy} and
 * {@code decoder.self-speculative} on the same loaded model, one after the other, and reports tokens/s of each, their
 * ratio, whether the outputs are identical, acceptance, E, d and the §A.9 predicted speed-up.
 *
 * <p>{@code --exit-layer} and {@code --draft-tokens} reach the decoder as a pipeline's
 * {@code runtime.settings.decoder.self-speculative} block would: as its request options.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Self-speculative vs full-model greedy decoding, side by side on the same prompts.",
    "Example: polis layerskip bench --model runs/ls/final --prompts-file runs/ls/heldout-prompts.txt"})
public final class LayerSkipBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private LayerSkipCommand parent;

    @Option(names = "--model", required = true, paramLabel = "<folder>", description = "The checkpoint folder.")
    private Path model;

    @Option(names = "--prompts-file", required = true, paramLabel = "<file>",
            description = "One prompt per line (\\n for newlines), e.g. the trainer's heldout-prompts.txt.")
    private Path promptsFile;

    @Option(names = "--max-tokens", defaultValue = "64", paramLabel = "<n>",
            description = "Tokens generated per prompt (default: ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--exit-layer", defaultValue = "0", paramLabel = "<E>",
            description = "Exit layer E; 0 lets calibration choose (default: ${DEFAULT-VALUE}).")
    private int exitLayer;

    @Option(names = "--draft-tokens", defaultValue = "0", paramLabel = "<d>",
            description = "Drafts per round d; 0 lets calibration choose (default: ${DEFAULT-VALUE}).")
    private int draftTokens;

    @Option(names = "--device", paramLabel = "<device>",
            description = "cpu or cuda:N (default: POLIS_DEVICE, else cpu).")
    private String device;

    @Option(names = "--host-decode", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = {"Single-row steps and verification passes of up to 16 rows on the runtime's Java vector "
                    + "kernel (default ${DEFAULT-VALUE}), or every step on PyTorch (false), whose per-operation cost "
                    + "self-speculation hides more of (docs/benchmarks.md, LayerSkip)."})
    private boolean hostDecode;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "<n>",
            description = "Prompts decoded untimed first, with both decoders (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--prompt-tail", defaultValue = "0", paramLabel = "<bytes>",
            description = {"Keep only the end of each prompt: its last whole lines within this many bytes, so prompt "
                    + "and generation fit the context the model was trained on; 0 keeps whole prompts "
                    + "(default: ${DEFAULT-VALUE})."})
    private int promptTail;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (promptTail < 0) {
            throw new InvalidInputException("--prompt-tail must be >= 0 (0 keeps whole prompts) but was " + promptTail);
        }
        List<String> prompts = PromptsFile.read(promptsFile).stream()
                .map(p -> promptTail == 0 ? p : PromptTail.cut(p, promptTail)).toList();
        Settings options = parent.settings().of(Map.of(LayerSkipSettings.EXIT_LAYER, exitLayer,
                LayerSkipSettings.DRAFT_TOKENS, draftTokens), "runtime.settings." + SelfSpeculativeDecoder.ID);
        LayerSkipSettings settings = LayerSkipSettings.from(options, SelfSpeculativeDecoder.ID);
        Decoder greedy = new GreedyDecoder();
        Decoder spec = new SelfSpeculativeDecoder();
        GenerationSettings generation = GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(maxTokens);
        try (TransformerLm lm = TransformerLm.load(model, LoadOptions.DEFAULTS
                .withDevice(device != null ? device : parent.operator().device()).withHostDecode(hostDecode));
             PolisTokenizer tokenizer = Tokenizers.load(model)) {
            out.printf("model %s, %d prompts, %d tokens each, threads %s, host decode %s%n", lm.config().describe(),
                    prompts.size(), maxTokens, System.getProperty("ai.djl.pytorch.num_threads", "default"),
                    hostDecode ? "on" : "off");
            calibrate(out, lm, tokenizer, prompts, settings);
            for (int i = 0; i < Math.min(warmup, prompts.size()); i++) {
                DecodeRequest request = new DecodeRequest(tokenizer.encode(prompts.get(i), true), generation, null,
                        options);
                greedy.decode(lm, request, TokenListener.ignoring());
                spec.decode(lm, request, TokenListener.ignoring());
            }
            BenchTotals totals = new BenchTotals();
            for (int i = 0; i < prompts.size(); i++) {
                DecodeRequest request = new DecodeRequest(tokenizer.encode(prompts.get(i), true), generation, null,
                        options);
                boolean greedyFirst = i % 2 == 0;
                long[] nanos = new long[2];
                DecodeResult[] results = new DecodeResult[2];
                for (int turn = 0; turn < 2; turn++) {
                    int which = greedyFirst ? turn : 1 - turn;
                    long start = System.nanoTime();
                    results[which] = (which == 0 ? greedy : spec).decode(lm, request, TokenListener.ignoring());
                    nanos[which] = System.nanoTime() - start;
                }
                totals.add(results[0].tokens(), nanos[0], results[1].tokens(), nanos[1], results[1].metrics());
                out.printf(Locale.ROOT, "prompt %2d: greedy %5.1f tok/s, self-spec %5.1f tok/s, acceptance %.2f, "
                                + "%.2f tokens/round, identical %s%n", i,
                        results[0].tokens().length / (nanos[0] / 1e9), results[1].tokens().length / (nanos[1] / 1e9),
                        results[1].metrics().getOrDefault("acceptanceRate", 0.0),
                        results[1].metrics().getOrDefault("tokensPerRound", 0.0),
                        java.util.Arrays.equals(results[0].tokens(), results[1].tokens()));
            }
            report(out, totals);
        }
        out.flush();
        return 0;
    }

    /**
     * In auto mode, calibrates on the file's first {@value Calibration#MAX_PROMPTS} prompts (3 were too few: their
     * agreement can be far from the whole file's), as the decoder would on its first prompt.
     */
    private void calibrate(PrintWriter out, TransformerLm lm, PolisTokenizer tokenizer, List<String> prompts,
                           LayerSkipSettings settings) {
        if (!settings.auto()) {
            return;
        }
        LayeredModel layered = LayeredModel.of(lm).orElseThrow();
        settings.check(layered.depth());
        List<int[]> calibration = prompts.subList(0, Math.min(Calibration.MAX_PROMPTS, prompts.size())).stream()
                .map(p -> tokenizer.encode(p, true)).toList();
        Calibration.Choice choice = Calibration.choose(layered, calibration, settings);
        StringBuilder alphas = new StringBuilder();
        for (int e = 0; e < choice.alphaByExit().size(); e++) {
            alphas.append(String.format(Locale.ROOT, " %d:%.2f", e + 1, choice.alphaByExit().get(e)));
        }
        out.printf(Locale.ROOT, "calibration on %d prompts, %d positions, %.1f s: E=%d d=%d, alpha %.3f, predicted "
                        + "%.2fx%nexit agreement by E:%s%n", calibration.size(), choice.positions(), choice.seconds(),
                choice.exitLayer(), choice.draftTokens(), choice.alpha(), choice.predictedSpeedup(), alphas);
    }

    private static void report(PrintWriter out, BenchTotals t) {
        out.printf(Locale.ROOT, "E=%d d=%d; identical outputs %d/%d%n", t.exitLayer, t.draftTokens, t.identical,
                t.prompts);
        out.printf(Locale.ROOT, "greedy:    %d tokens in %.2f s = %.1f tokens/s%n", t.greedyTokens,
                t.greedyNanos / 1e9, t.greedyTokensPerSecond());
        out.printf(Locale.ROOT, "self-spec: %d tokens in %.2f s = %.1f tokens/s%n", t.specTokens, t.specNanos / 1e9,
                t.specTokensPerSecond());
        out.printf(Locale.ROOT, "speed-up measured %.2fx; predicted (§A.9, measured AR/draft/verify times) %.2fx, "
                        + "(probed layer costs) %.2fx%n", t.speedup(), t.predictedSpeedup(),
                t.probedPredictedSpeedup());
        out.printf(Locale.ROOT, "acceptance rate %.3f, alpha %.3f, tokens per round %.2f%n", t.acceptanceRate(),
                t.alpha(), t.tokensPerRound());
    }
}
