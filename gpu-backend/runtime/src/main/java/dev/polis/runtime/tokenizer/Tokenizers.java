package dev.polis.runtime.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.engine.ContextClassLoader;
import dev.polis.runtime.engine.DjlEnvironment;

/**
 * Loads the tokenizer of a Hugging Face checkpoint folder ({@code tokenizer.json}, plus the special tokens named by
 * {@code tokenizer_config.json} and {@code generation_config.json}).
 *
 * <p>Loading is offline (the CPU library comes from the tokenizers jar) and sets the context class loader, so it
 * works inside a plugin. Nothing is truncated or padded.
 */
public final class Tokenizers {

    private static final Map<String, String> OPTIONS = Map.of("truncation", "false", "padding", "false",
            "addSpecialTokens", "false");

    private Tokenizers() {
    }

    /**
     * Loads the tokenizer of the checkpoint in {@code folder}.
     *
     * @throws InvalidInputException when the folder has no readable {@code tokenizer.json}
     */
    public static PolisTokenizer load(Path folder) {
        Path file = folder.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(folder + ": no tokenizer.json; a checkpoint folder needs the tokenizer "
                    + "file Hugging Face's tokenizers library writes (polis model init writes one)");
        }
        HuggingFaceTokenizer tokenizer = open(file);
        try {
            Map<String, Integer> specials = AddedTokens.special(file);
            SpecialTokens specialTokens = SpecialTokensReader.read(folder, specials, text -> singleId(tokenizer, text));
            return new DjlTokenizer(tokenizer, specialTokens);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static HuggingFaceTokenizer open(Path file) {
        DjlEnvironment.prepare();
        return ContextClassLoader.call(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                return HuggingFaceTokenizer.newInstance(in, OPTIONS);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new InvalidInputException(file + ": not a tokenizer Hugging Face's tokenizers library can load: "
                        + e.getMessage(), e);
            }
        });
    }

    private static OptionalInt singleId(HuggingFaceTokenizer tokenizer, String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        return ids.length == 1 ? OptionalInt.of(Math.toIntExact(ids[0])) : OptionalInt.empty();
    }
}
