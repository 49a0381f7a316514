package dev.polis.mhmoe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.mhmoe.MhMoe;
import dev.polis.mhmoe.checkpoint.MoeBlock;
import dev.polis.mhmoe.layer.ExpertStats;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis mhmoe stats}: runs a text through a checkpoint in windows and prints its perplexity and, for the
 * MH-MoE layers, each layer's expert activation, distinct experts per token and dropped sub-tokens.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, description = {
    "Perplexity of a text and the routing metrics of every MH-MoE layer (a dense checkpoint gives perplexity only).",
    "Example: polis mhmoe stats --model runs/mh3/final --text valid.txt --window 128 --tokens 8192"})
public final class MhMoeStatsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private MhMoeCommand parent;

    @Option(names = "--model", required = true, paramLabel = "<folder>", description = "The checkpoint folder.")
    private Path model;

    @Option(names = "--text", required = true, paramLabel = "<file>", description = "A UTF-8 text file.")
    private Path text;

    @Option(names = "--window", defaultValue = "128", paramLabel = "<n>", description = "Tokens per window "
            + "(default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--tokens", defaultValue = "8192", paramLabel = "<n>", description = "At most this many tokens "
            + "(default: ${DEFAULT-VALUE}).")
    private int tokens;

    @Option(names = "--threshold", defaultValue = "0.01", paramLabel = "<ratio>", description = "An expert is "
            + "active when chosen for at least this share of tokens (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--capacity-factor", defaultValue = "0", paramLabel = "<f>", description = "Expert capacity "
            + "factor within a window; 0: no limit (default: ${DEFAULT-VALUE}).")
    private double capacityFactor;

    @Option(names = "--device", paramLabel = "<device>", description = "cpu or cuda:N (default: POLIS_DEVICE, else cpu).")
    private String device;

    @Override
    public Integer call() {
        if (window < 2 || tokens < window) {
            throw new InvalidInputException("--window must be >= 2 and --tokens at least --window (" + window + ", "
                    + tokens + ")");
        }
        String content = read(text);
        PrintWriter out = spec.commandLine().getOut();
        LoadOptions load = LoadOptions.DEFAULTS.withDevice(device != null ? device : parent.operatorDevice())
                .withMaxContext(window);
        try (TransformerLm lm = TransformerLm.load(model, load); PolisTokenizer tokenizer = Tokenizers.load(model)) {
            MhMoe moe = new MhMoe();
            if (MoeBlock.present(ConfigReader.readTree(model.resolve("config.json")))) {
                moe.install(lm.acceleratorTarget(), capacityFactor);
            }
            int[] ids = tokenizer.encode(content);
            int windows = Math.min(ids.length, tokens) / window;
            if (windows == 0) {
                throw new InvalidInputException(text + " has " + ids.length + " tokens, fewer than one window of "
                        + window);
            }
            double nll = 0;
            long counted = 0;
            for (int w = 0; w < windows; w++) {
                int[] chunk = Arrays.copyOfRange(ids, w * window, (w + 1) * window);
                try (TransformerSession session = lm.newSession()) {
                    float[][] logits = session.append(chunk);
                    for (int t = 0; t + 1 < chunk.length; t++) {
                        nll += logSumExp(logits[t]) - logits[t][chunk[t + 1]];
                        counted++;
                    }
                }
            }
            out.printf(Locale.ROOT, "%s: %s; %d windows of %d tokens from %s: perplexity %.3f (%d predictions)%n",
                    model, lm.config().describe(), windows, window, text, Math.exp(nll / counted), counted);
            for (ExpertStats s : moe.stats()) {
                out.println(s.describe(threshold));
            }
        }
        out.flush();
        return 0;
    }

    private static double logSumExp(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
