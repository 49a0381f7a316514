package dev.polis.runtime.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.polis.api.InvalidInputException;
import dev.polis.api.inference.CausalLm;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.template.ChatTemplate;
import dev.polis.runtime.template.ChatTemplates;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.SpecialTokens;
import dev.polis.runtime.tokenizer.TokenBytes;
import dev.polis.runtime.tokenizer.Tokenizers;

/**
 * A checkpoint ready to generate: its language model, tokenizer and (when it has one) chat template.
 *
 * <p>Owns their native memory; {@link #close()} frees it and may be called more than once.
 */
public final class LocalModel implements AutoCloseable {

    private final String name;
    private final CausalLm lm;
    private final int context;
    private final PolisTokenizer tokenizer;
    private final Path folder;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ChatTemplate template;
    private volatile byte[][] tokenBytes;

    /**
     * Assembles a model from its parts.
     *
     * @param folder  where the chat template is read from, or {@code null} when it is given
     * @param context the longest sequence (prompt plus generation) the model can hold
     */
    public LocalModel(String name, CausalLm lm, int context, PolisTokenizer tokenizer, ChatTemplate template,
                      Path folder) {
        this.name = Objects.requireNonNull(name, "name");
        this.lm = Objects.requireNonNull(lm, "lm");
        this.context = context;
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.template = template;
        this.folder = folder;
    }

    /**
     * Loads the checkpoint in {@code folder} onto {@code device} ({@code null}: the CPU).
     *
     * @throws InvalidInputException when the folder or one of its files is missing or wrong, or the device is absent
     */
    public static LocalModel open(Path folder, String device) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("model folder " + folder + " does not exist; give a Hugging Face checkpoint "
                    + "folder (config.json, model.safetensors, tokenizer.json), for example one made by polis model init");
        }
        PolisTokenizer tokenizer = Tokenizers.load(folder);
        try {
            TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS.withDevice(device));
            return new LocalModel(folder.getFileName().toString(), lm, lm.context(), tokenizer, null, folder);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** Returns the model's name for records: its folder's name. */
    public String name() {
        return name;
    }

    /** Returns the language model. */
    public CausalLm lm() {
        return lm;
    }

    /** Returns the longest sequence, prompt plus generation, the model can hold. */
    public int context() {
        return context;
    }

    /** Returns the tokenizer. */
    public PolisTokenizer tokenizer() {
        return tokenizer;
    }

    /** Returns the special tokens. */
    public SpecialTokens specialTokens() {
        return tokenizer.specialTokens();
    }

    /**
     * Returns the chat template, read from the checkpoint on first use.
     *
     * @throws InvalidInputException when the checkpoint has none
     */
    public ChatTemplate chatTemplate() {
        ChatTemplate current = template;
        if (current == null) {
            if (folder == null) {
                throw new InvalidInputException("model " + name + " has no chat template");
            }
            SpecialTokens special = tokenizer.specialTokens();
            current = ChatTemplates.load(folder, special.bosToken(), special.eosToken());
            template = current;
        }
        return current;
    }

    /**
     * Returns each token's bytes by id, read from the checkpoint's byte-level tokenizer on first use (what
     * constrained decoding matches).
     *
     * @throws InvalidInputException when the model has no folder or its tokenizer is not byte-level BPE
     */
    public byte[][] tokenBytes() {
        byte[][] current = tokenBytes;
        if (current == null) {
            if (folder == null) {
                throw new InvalidInputException("responseFormat: model " + name + " has no tokenizer file to "
                        + "constrain decoding with");
            }
            current = TokenBytes.read(folder);
            tokenBytes = current;
        }
        return current;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                if (lm instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not free model " + name + ": " + e.getMessage(), e);
            } finally {
                tokenizer.close();
            }
        }
    }
}
