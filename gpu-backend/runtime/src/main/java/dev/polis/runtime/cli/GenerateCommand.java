package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.chat.AcceleratorInstaller;
import dev.polis.runtime.chat.DecoderChoice;
import dev.polis.runtime.chat.DecoderLookup;
import dev.polis.runtime.chat.Generation;
import dev.polis.runtime.chat.LocalModel;
import dev.polis.runtime.chat.TextGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polis generate}: loads a checkpoint folder and streams the continuation of a prompt to standard output,
 * then a one-line summary (tokens, finish reason, decoder, speed) to standard error.
 *
 * <p>Device and decoder: the flags, else the operator's choices ({@code POLIS_DEVICE}, {@code POLIS_DECODER}), else
 * the CPU and greedy decoding (sampling above temperature 0). The operator's accelerators
 * ({@code POLIS_ACCELERATORS}) are installed into the model.
 */
@Command(name = "generate", description = {
    "Streams text from a local Hugging Face checkpoint.",
    "Example: polis generate --model models/tiny --prompt 'Once upon a time' --max-tokens 64"})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "<folder>",
            description = "The checkpoint folder (config.json, model.safetensors, tokenizer.json).")
    private Path model;

    @Option(names = "--prompt", required = true, paramLabel = "<text>", description = "The prompt.")
    private String prompt;

    @Option(names = "--chat", description = "Send the prompt as a user message through the model's chat template.")
    private boolean chat;

    @Option(names = "--system", paramLabel = "<text>", description = "With --chat: a system message before the prompt.")
    private String system;

    @Option(names = "--max-tokens", defaultValue = "128", paramLabel = "<n>",
            description = "The most tokens to generate (default: ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "<t>",
            description = "Sampling temperature; 0 decodes greedily (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--top-p", paramLabel = "<p>", description = "Nucleus sampling mass in (0, 1].")
    private Double topP;

    @Option(names = "--top-k", paramLabel = "<k>", description = "Sample among the k most likely tokens.")
    private Integer topK;

    @Option(names = "--seed", paramLabel = "<n>", description = "Seed for sampling, for reproducible output.")
    private Long seed;

    @Option(names = "--stop", paramLabel = "<text>", description = "A text that ends generation (repeatable).")
    private List<String> stop = new ArrayList<>();

    @Option(names = "--device", paramLabel = "<device>",
            description = "cpu or cuda:N (default: POLIS_DEVICE, else cpu).")
    private String device;

    @Option(names = "--decoder", paramLabel = "<id>",
            description = "A decoder id such as decoder.greedy or decoder.sampling (default: POLIS_DECODER, else "
                    + "greedy at temperature 0 and sampling above); --verbose logs why it was chosen.")
    private String decoder;

    @Option(names = "--decoder-option", paramLabel = "<key=value>",
            description = "A setting of the decoder (repeatable), e.g. --decoder decoder.self-speculative "
                    + "--decoder-option exitLayer=6 --decoder-option draftTokens=8.")
    private Map<String, String> decoderOptions = new LinkedHashMap<>();

    @Spec
    private CommandSpec spec;

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
    public GenerateCommand(DecoderLookup decoders, AcceleratorInstaller accelerators, InferenceOptions operator) {
        this.decoders = decoders;
        this.accelerators = accelerators;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        GenerationSettings settings = settings();
        InferenceOptions inference = InferenceFlags.resolve(device, decoder, decoderOptions, operator);
        DecoderChoice chosen = decoders.choose(inference, settings);
        PrintWriter out = spec.commandLine().getOut();
        try (LocalModel local = LocalModel.open(model, inference.device())) {
            accelerators.install(local.lm(), inference);
            int[] tokens = chat ? local.tokenizer().encode(local.chatTemplate().render(messages(), true))
                    : local.tokenizer().encode(prompt, true);
            if (tokens.length == 0) {
                throw new ParameterException(spec.commandLine(), "--prompt: the prompt encodes to no token; give "
                        + "some text");
            }
            Generation generation = TextGenerator.generate(local, tokens, settings, chosen, piece -> {
                out.print(piece);
                out.flush();
            });
            out.println();
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println(summary(generation, chosen));
            err.flush();
        }
        return 0;
    }

    private List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        if (system != null) {
            messages.add(Message.system(system));
        }
        messages.add(Message.user(prompt));
        return messages;
    }

    private GenerationSettings settings() {
        if (maxTokens < 1) {
            throw new ParameterException(spec.commandLine(), "--max-tokens must be at least 1 but was " + maxTokens);
        }
        if (temperature < 0) {
            throw new ParameterException(spec.commandLine(), "--temperature must be >= 0 but was " + temperature);
        }
        if (topP != null && (topP <= 0 || topP > 1)) {
            throw new ParameterException(spec.commandLine(), "--top-p must be in (0, 1] but was " + topP);
        }
        if (topK != null && topK < 1) {
            throw new ParameterException(spec.commandLine(), "--top-k must be at least 1 but was " + topK);
        }
        return new GenerationSettings(temperature, topP, topK, maxTokens, stop, seed);
    }

    private static String summary(Generation generation, DecoderChoice decoder) {
        return String.format(Locale.ROOT, "[%d prompt tokens, %d generated, finish %s, %s, first token %.0f ms, "
                        + "%.1f tokens/s]", generation.promptTokens(), generation.completionTokens(),
                generation.finishReason().name().toLowerCase(Locale.ROOT), decoder.id(),
                generation.firstTokenNanos() / 1e6, generation.decodeTokensPerSecond());
    }
}
