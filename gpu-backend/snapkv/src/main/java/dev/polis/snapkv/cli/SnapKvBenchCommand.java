package dev.polis.snapkv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.snapkv.SnapKv;
import dev.polis.snapkv.policy.PromptCompression;
import dev.polis.snapkv.policy.SnapKvSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis snapkv bench}: for each prompt length, one generation on the model as it is and one on the same
 * checkpoint with SnapKV installed: both prompts prefilled one after the other, then decode steps alternated between
 * the two (so load from other processes falls on both alike): time to first token, decode ms/token (median step),
 * the KV bytes the caches hold after the prompt and after decoding, and the resident memory the process gave back
 * when each session closed (see {@link Measurement}).
 * Each model first runs one untimed generation on a 64-token prompt. {@code --events} writes what SnapKV did to each layer and each generation's figures as JSON lines.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Decode ms/token, KV bytes and resident memory with and without SnapKV, side by side.",
    "Example: polis snapkv bench --model models/smollm2-135m --prompt 1024 --prompt 4096 --decode 32"})
public final class SnapKvBenchCommand implements Callable<Integer> {

    /** The prompt of the untimed generation each model runs first. */
    private static final int WARMUP_PROMPT = 64;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private SnapKvCommand parent;

    @Option(names = "--model", required = true, paramLabel = "<folder>", description = "The checkpoint folder.")
    private Path model;

    @Option(names = "--prompt", paramLabel = "<tokens>", description = "Prompt lengths (repeatable; default 1024 and 4096).")
    private List<Integer> prompts = List.of(1024, 4096);

    @Option(names = "--decode", defaultValue = "32", paramLabel = "<tokens>", description = "Greedy tokens decoded per generation (default ${DEFAULT-VALUE}).")
    private int decode;

    @Option(names = "--capacity", paramLabel = "<n>", description = "SnapKV capacity (default 2048).")
    private Integer capacity;

    @Option(names = "--window", paramLabel = "<n>", description = "SnapKV observation window (default 32).")
    private Integer window;

    @Option(names = "--kernel", paramLabel = "<n>", description = "SnapKV pooling kernel, odd (default 7).")
    private Integer kernel;

    @Option(names = "--pooling", paramLabel = "<max|avg>", description = "SnapKV pooling (default max).")
    private String pooling;

    @Option(names = "--snapkv-only", description = "Skip the generations without SnapKV (for prompts the full cache cannot hold).")
    private boolean snapOnly;

    @Option(names = "--full-only", description = "Skip the generations with SnapKV and load the checkpoint once (for "
            + "the peak memory of the full cache alone).")
    private boolean fullOnly;

    @Option(names = "--device", paramLabel = "<device>", description = "cpu or cuda:N (default: POLIS_DEVICE, else cpu).")
    private String device;

    @Option(names = "--host-decode", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = "Decode steps' linear maps on the runtime's Java vector kernel, which copies each weight to "
                    + "the Java heap on first use (default ${DEFAULT-VALUE}), or on PyTorch (false: no heap copies, "
                    + "for memory figures).")
    private boolean hostDecode;

    @Option(names = "--events", paramLabel = "<file>", description = "Also write events as JSON lines to this file.")
    private Path eventsFile;

    @Override
    public Integer call() throws IOException {
        SnapKvSettings settings = SnapKvSettings.of(new SnapKvSettings.Block(capacity, window, kernel, pooling));
        if (decode < 1) {
            throw new InvalidInputException("--decode: must be at least 1 but was " + decode);
        }
        if (prompts.stream().anyMatch(p -> p < 2)) {
            throw new InvalidInputException("--prompt: every prompt length must be at least 2 but got " + prompts);
        }
        if (snapOnly && fullOnly) {
            throw new InvalidInputException("--snapkv-only and --full-only exclude each other; give at most one");
        }
        PrintWriter out = spec.commandLine().getOut();
        int longest = prompts.stream().mapToInt(Integer::intValue).max().orElseThrow() + decode + 1;
        LoadOptions load = LoadOptions.DEFAULTS.withDevice(device != null ? device : parent.operatorDevice())
                .withMaxContext(longest).withHostDecode(hostDecode);
        List<PromptCompression> compressions = new ArrayList<>();
        try (TransformerLm full = snapOnly ? null : TransformerLm.load(model, load);
             TransformerLm snap = fullOnly ? null : TransformerLm.load(model, load);
             Writer events = eventsFile == null ? Writer.nullWriter() : Files.newBufferedWriter(eventsFile)) {
            TransformerLm any = full != null ? full : snap;
            if (snap != null) {
                new SnapKv(compressions::add).install(snap.acceleratorTarget(), settings);
            }
            out.printf("model %s on %s, threads %s, host decode %s; SnapKV %s; %d tokens decoded per generation%n",
                    any.config().describe(), any.device(), System.getProperty("ai.djl.pytorch.num_threads",
                            "default"), hostDecode ? "on" : "off", settings, decode);
            SplittableRandom random = new SplittableRandom(1);
            int[] warmup = random.ints(WARMUP_PROMPT, 0, Math.min(256, any.vocabularySize())).toArray();
            Measurement.paired(new TransformerLm[] {full, snap}, warmup, decode);
            compressions.clear();
            for (int length : prompts) {
                int[] prompt = random.ints(length, 0, Math.min(256, any.vocabularySize())).toArray();
                compressions.clear();
                Measurement[] pair = Measurement.paired(new TransformerLm[] {full, snap}, prompt, decode);
                Measurement without = pair[0];
                Measurement with = pair[1];
                if (without != null) {
                    report(out, events, length, "full", without, "");
                }
                if (with != null) {
                    report(out, events, length, "snapkv", with, summary(compressions, settings));
                }
                for (PromptCompression c : compressions) {
                    events.write(json(length, c));
                }
                if (without != null && with != null) {
                    out.printf(Locale.ROOT, "prompt %6d: SnapKV decodes %.2fx as fast and holds %.1fx fewer KV bytes"
                            + " after decoding%n", length, without.decodeMillis() / with.decodeMillis(),
                            (double) without.kvAfterDecode() / with.kvAfterDecode());
                }
                out.flush();
            }
            out.printf(Locale.ROOT, "process peak resident memory (VmHWM) %.1f MiB; at the end %s%n",
                    ResidentMemory.peakBytes() / 1048576.0, ResidentMemory.describeNow());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + eventsFile, e);
        }
        return 0;
    }

    private static String summary(List<PromptCompression> compressions, SnapKvSettings settings) {
        long compressed = compressions.stream().filter(PromptCompression::compressed).count();
        if (compressed == 0) {
            return "; prompt within the capacity of " + settings.capacity() + ": kept uncompressed";
        }
        return "; " + compressed + "/" + compressions.size() + " layers compressed to " + settings.capacity()
                + " entries per KV head";
    }

    private static void report(PrintWriter out, Writer events, int length, String mode, Measurement m, String note)
            throws IOException {
        out.printf(Locale.ROOT, "prompt %6d %-6s: first token %8.1f ms; decode %6.2f ms/token; KV %,d B after the "
                        + "prompt, %,d B after decoding; resident %.1f MiB given back "
                        + "on close%s%n", length, mode, m.firstTokenMillis(), m.decodeMillis(), m.kvAfterPrompt(),
                m.kvAfterDecode(), m.residentReleased() / 1048576.0, note);
        events.write(String.format(Locale.ROOT, "{\"event\":\"generation\",\"mode\":\"%s\",\"prompt\":%d,"
                        + "\"firstTokenMillis\":%.3f,\"decodeMillisPerToken\":%.3f,\"kvBytesAfterPrompt\":%d,"
                        + "\"kvBytesAfterDecode\":%d,\"residentBytesReleasedOnClose\":%d}%n",
                mode, length, m.firstTokenMillis(), m.decodeMillis(), m.kvAfterPrompt(), m.kvAfterDecode(),
                m.residentReleased()));
    }

    private static String json(int length, PromptCompression c) {
        return String.format(Locale.ROOT, "{\"event\":\"snapkv.prompt\",\"prompt\":%d,\"layer\":%d,\"compressed\":%s,"
                        + "\"slotsBefore\":%d,\"slotsAfter\":%d,\"kvBytesBefore\":%d,\"kvBytesAfter\":%d,"
                        + "\"message\":\"%s\"}%n", length, c.layer(), c.compressed(), c.slotsBefore(), c.slotsAfter(),
                c.bytesBefore(), c.bytesAfter(), c.describe());
    }
}
