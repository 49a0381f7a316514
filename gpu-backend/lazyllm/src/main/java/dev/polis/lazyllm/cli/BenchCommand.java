package dev.polis.lazyllm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.Decoder;
import dev.polis.lazyllm.LazyLlm;
import dev.polis.lazyllm.prune.LazySettings;
import dev.polis.lazyllm.prune.Selection;
import dev.polis.lazyllm.prune.PrefillReport;
import dev.polis.lazyllm.prune.Schedule;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis lazyllm bench}: calibrates pruning schedules. The checkpoint is loaded once dense and once per
 * schedule with LazyLLM; for each prompt length, the same synthetic retrieval prompts ({@link RetrievalText}: one
 * needle among distractor facts, its question at the end) run on every model, the models' order rotating from prompt
 * to prompt so load from other processes falls on all alike. Per schedule it reports the median of the paired TTFT
 * ratios against the dense model, first-token agreement, greedy-continuation agreement, retrieval accuracy (dense and
 * pruned) and the computed share of the prompt's (token, layer) pairs; with {@code --decoder} the same again with that
 * decoder (e.g. {@code decoder.self-speculative}) generating on both.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "TTFT against quality for LazyLLM pruning schedules, side by side with the dense model.",
    "Example: polis lazyllm bench --model runs/lazyllm/final --prompt 2048 --schedule 1:0.3,3:0.15 "
            + "--schedule 2:0.5,4:0.25 --prompts 8"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private LazyLlmCommand parent;

    @Option(names = "--model", required = true, paramLabel = "<folder>", description = "The checkpoint folder.")
    private Path model;

    @Option(names = "--prompt", paramLabel = "<tokens>", description = "Prompt lengths (repeatable; default 2048).")
    private List<Integer> lengths = List.of(2048);

    @Option(names = "--schedule", paramLabel = "<layer:keep,...>",
            description = "A schedule to measure (repeatable; default: keep 0.7/0.5/0.35 after L/4, L/2, 3L/4).")
    private List<String> schedules = new ArrayList<>();

    @Option(names = "--prompts", defaultValue = "6", paramLabel = "<n>",
            description = "Retrieval prompts per length (default ${DEFAULT-VALUE}); needle depths spread evenly.")
    private int prompts;

    @Option(names = "--distractors", defaultValue = "20", paramLabel = "<n>",
            description = "Distractor facts per prompt, at most 25 (default ${DEFAULT-VALUE}).")
    private int distractors;

    @Option(names = "--tokens", defaultValue = "6", paramLabel = "<n>",
            description = "Greedy tokens generated per prompt and compared (default ${DEFAULT-VALUE}).")
    private int tokens;

    @Option(names = "--selection", paramLabel = "<attention|random>", description = "How pruning layers choose the "
            + "tokens that stop (repeatable: each schedule is measured with each): attention (LazyLLM, the default) "
            + "or random (the paper's random-drop baseline, the same shares drawn at random).")
    private List<String> selections = new ArrayList<>();

    @Option(names = "--pool", paramLabel = "<width>", description = "LazyLLM's pool: max-pool the scores over this "
            + "many neighbouring positions (odd; repeatable: each schedule is measured with each; default 1, LazyLLM's "
            + "own per-token score).")
    private List<Integer> pools = new ArrayList<>();

    @Option(names = "--min-prompt", paramLabel = "<n>", description = "LazyLLM's minPrompt (default 64).")
    private Integer minPrompt;

    @Option(names = "--decoder", paramLabel = "<id>",
            description = "Also generate with this decoder on both models (e.g. decoder.self-speculative).")
    private String decoderId;

    @Option(names = "--decoder-option", paramLabel = "<key=value>", description = "A setting of --decoder (repeatable).")
    private Map<String, String> decoderOptions = new LinkedHashMap<>();

    @Option(names = "--accelerator", paramLabel = "<id>", description = "Also install this accelerator (e.g. "
            + "accelerator.snapkv) into every model, the dense one included (repeatable); compare with a run without.")
    private List<String> acceleratorIds = new ArrayList<>();

    @Option(names = "--accelerator-option", paramLabel = "<key=value>",
            description = "A setting of the --accelerator ones (repeatable), e.g. capacity=256.")
    private Map<String, String> acceleratorOptions = new LinkedHashMap<>();

    @Option(names = "--values", defaultValue = "digits", paramLabel = "<digits|symbols>",
            description = "The facts' value alphabet, as the model's polis lazyllm corpus --values (default "
                    + "${DEFAULT-VALUE}).")
    private String values;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "<n>", description = "Prompt seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--device", paramLabel = "<device>", description = "cpu or cuda:N (default: POLIS_DEVICE, else cpu).")
    private String device;

    @Option(names = "--events", paramLabel = "<file>", description = "Also write events as JSON lines to this file.")
    private Path eventsFile;

    @Override
    public Integer call() throws IOException {
        if (prompts < 1 || tokens < 1 || distractors < 0 || distractors > 25) {
            throw new InvalidInputException("--prompts and --tokens must be at least 1 and --distractors in [0, 25]");
        }
        if (lengths.stream().anyMatch(p -> p < 16)) {
            throw new InvalidInputException("--prompt: every prompt length must be at least 16 but got " + lengths);
        }
        ValueAlphabet alphabet = ValueAlphabet.named(values, "--values");
        PrintWriter out = spec.commandLine().getOut();
        int longest = lengths.stream().mapToInt(Integer::intValue).max().orElseThrow() + tokens + 8;
        LoadOptions load = LoadOptions.DEFAULTS.withDevice(device != null ? device : parent.operatorDevice())
                .withMaxContext(longest);
        Decoder decoder = decoderId == null ? null : parent.extensions().get(Decoder.class, decoderId);
        Settings decoderSettings = parent.settings().of(decoderOptions, "--decoder-option");
        Settings acceleratorSettings = parent.settings().of(acceleratorOptions, "--accelerator-option");
        List<Accelerator> extra = acceleratorIds.stream()
                .map(id -> parent.extensions().get(Accelerator.class, id)).toList();
        List<TransformerLm> models = new ArrayList<>();
        try (Writer events = eventsFile == null ? Writer.nullWriter() : Files.newBufferedWriter(eventsFile)) {
            TransformerLm dense = TransformerLm.load(model, load);
            models.add(dense);
            extra.forEach(a -> a.install(dense.acceleratorTarget(), acceleratorSettings));
            int layers = dense.config().layers();
            List<LazySettings> settings = new ArrayList<>();
            for (String text : schedules.isEmpty() ? List.of("") : schedules) {
                for (String selection : selections.isEmpty() ? List.of("attention") : selections) {
                    for (Integer pool : pools.isEmpty() ? List.of(1) : pools) {
                        settings.add(LazySettings.of(new LazySettings.Block(text.isEmpty() ? null : text, minPrompt,
                                selection, pool), layers));
                    }
                }
            }
            List<PrefillReport> reports = new ArrayList<>();
            for (LazySettings s : settings) {
                TransformerLm lazy = TransformerLm.load(model, load);
                models.add(lazy);
                new LazyLlm(reports::add).install(lazy.acceleratorTarget(), s);
                extra.forEach(a -> a.install(lazy.acceleratorTarget(), acceleratorSettings));
            }
            out.printf("model %s on %s, threads %s; %d retrieval prompts per length, %d distractors, %d tokens "
                    + "compared%s%n", dense.config().describe(), dense.device(),
                    System.getProperty("ai.djl.pytorch.num_threads", "default"), prompts, distractors, tokens,
                    (decoder == null ? "" : "; also with " + decoderId + " " + decoderOptions)
                            + (extra.isEmpty() ? "" : "; every model with " + acceleratorIds + " "
                                    + acceleratorOptions));
            int shortest = lengths.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int[] warmup = RetrievalText.prompt(new SplittableRandom(seed), Math.min(256, shortest), 4, 0.5).tokens();
            for (TransformerLm lm : models) {
                TimedGeneration.greedy(lm, warmup, 2);
            }
            for (int length : lengths) {
                measure(out, events, models, settings, reports, decoder, decoderSettings, length, prompts(length),
                        alphabet);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + eventsFile, e);
        } finally {
            models.forEach(TransformerLm::close);
        }
        return 0;
    }

    private void measure(PrintWriter out, Writer events, List<TransformerLm> models, List<LazySettings> settings,
                         List<PrefillReport> reports, Decoder decoder, Settings decoderSettings, int length,
                         SplittableRandom random, ValueAlphabet alphabet) throws IOException {
        int n = settings.size();
        ScheduleResult[] greedy = new ScheduleResult[n];
        ScheduleResult[] decoded = new ScheduleResult[n];
        for (int s = 0; s < n; s++) {
            greedy[s] = new ScheduleResult(label(settings.get(s)), length);
            decoded[s] = new ScheduleResult(label(settings.get(s)), length);
        }
        long started = System.nanoTime();
        for (int p = 0; p < prompts; p++) {
            RetrievalText.Prompt prompt = RetrievalText.prompt(random, length, distractors, (p + 0.5) / prompts,
                    alphabet);
            TimedGeneration[] runs = new TimedGeneration[n + 1];
            TimedGeneration[] withDecoder = new TimedGeneration[n + 1];
            double[] share = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                int m = (p + k) % (n + 1);
                reports.clear();
                runs[m] = TimedGeneration.greedy(models.get(m), prompt.tokens(), tokens);
                share[m] = reports.isEmpty() ? 1 : reports.get(0).computedShare();
                for (PrefillReport r : reports) {
                    events.write(r.json() + System.lineSeparator());
                }
                if (decoder != null) {
                    withDecoder[m] = TimedGeneration.decoder(decoder, decoderSettings, models.get(m), prompt.tokens(),
                            tokens);
                }
            }
            for (int m = 0; m <= n; m++) {
                events.write(String.format(java.util.Locale.ROOT, "{\"event\":\"lazyllm.generation\",\"prompt\":%d,"
                        + "\"index\":%d,\"model\":\"%s\",\"needleAt\":%d,\"answer\":\"%s\",\"text\":\"%s\","
                        + "\"ttftMs\":%.3f}%n", length, p, m == 0 ? "dense" : label(settings.get(m - 1)),
                        prompt.needleAt(), prompt.answer(), runs[m].text().replace("\\", "\\\\")
                                .replace("\"", "\\\"").replace("\n", "\\n"), runs[m].ttftMillis()));
            }
            for (int s = 0; s < n; s++) {
                greedy[s].add(runs[0], runs[s + 1], prompt.answer(), share[s + 1]);
                if (decoder != null) {
                    decoded[s].add(withDecoder[0], withDecoder[s + 1], prompt.answer(), share[s + 1]);
                }
            }
            events.flush();
            progress(length, p + 1, started);
        }
        for (int s = 0; s < n; s++) {
            out.println(greedy[s].line("lazyllm"));
            events.write(greedy[s].json("greedy"));
            if (decoder != null) {
                out.println(decoded[s].line("lazyllm+" + decoderId.replace("decoder.", "")));
                events.write(decoded[s].json(decoderId));
            }
        }
        out.flush();
        events.flush();
    }

    /**
     * Returns the stream the prompts of one length are drawn from: the seed's own, past the warm-up prompt drawn from
     * it first, so a length's prompts depend on the seed and the length alone, not on the lengths listed before it
     * (and equal those that lengths drew as the first of a list before each had its own stream).
     */
    private SplittableRandom prompts(int length) {
        SplittableRandom random = new SplittableRandom(seed);
        RetrievalText.prompt(random, Math.min(256, length), 4, 0.5);
        return random;
    }

    /** The schedule, and the selection and pool when they are not LazyLLM's own. */
    private static String label(LazySettings settings) {
        return settings.schedule() + (settings.selection() == Selection.ATTENTION ? ""
                : " " + settings.selection().label()) + (settings.pool() == 1 ? "" : " pool " + settings.pool());
    }

    /** Tells stderr how far a prompt length has come: an 8K cell of several models runs for minutes. */
    private void progress(int length, int done, long started) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf(java.util.Locale.ROOT, "lazyllm bench: %,d-token prompts, %d/%d done (%.1f s)%n", length, done,
                prompts, (System.nanoTime() - started) / 1e9);
        err.flush();
    }
}
