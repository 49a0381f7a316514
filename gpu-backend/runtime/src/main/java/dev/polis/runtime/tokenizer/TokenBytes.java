package dev.polis.runtime.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;

/**
 * Reads the bytes each token stands for from a byte-level BPE {@code tokenizer.json} (GPT-2 style: SmolLM2, Qwen2.5,
 * Llama 3), what constrained decoding matches against a grammar. Added (special) tokens have none.
 */
public final class TokenBytes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenBytes() {
    }

    /**
     * Returns the bytes of every token by id ({@code null} for added tokens and unused ids).
     *
     * @throws InvalidInputException when the file is missing or its model is not a byte-level BPE
     */
    public static byte[][] read(Path folder) {
        Path file = folder.resolve("tokenizer.json");
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the tokenizer (" + e.getMessage() + ")", e);
        }
        JsonNode vocab = root.path("model").path("vocab");
        if (!"BPE".equals(root.path("model").path("type").asText()) || !vocab.isObject()
                || !root.path("decoder").toString().contains("\"ByteLevel\"")) {
            throw new InvalidInputException(file + ": constrained decoding needs a byte-level BPE tokenizer (GPT-2 "
                    + "style, as SmolLM2, Qwen2.5 and Llama 3 have); this one is not, so responseFormat json cannot "
                    + "be enforced; leave responseFormat unset");
        }
        int[] byteOf = new int[512];
        java.util.Arrays.fill(byteOf, -1);
        for (int b = 0; b < 256; b++) {
            byteOf[ByteLevelAlphabet.charOf(b)] = b;
        }
        int size = 0;
        for (JsonNode id : vocab) {
            size = Math.max(size, id.asInt() + 1);
        }
        for (JsonNode added : root.path("added_tokens")) {
            size = Math.max(size, added.path("id").asInt() + 1);
        }
        byte[][] tokens = new byte[size][];
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String text = entry.getKey();
            byte[] bytes = new byte[text.length()];
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= byteOf.length || byteOf[c] < 0) {
                    throw new InvalidInputException(file + ": token '" + text + "' is not in the byte-level alphabet;"
                            + " constrained decoding needs a byte-level BPE tokenizer");
                }
                bytes[i] = (byte) byteOf[c];
            }
            tokens[entry.getValue().asInt()] = bytes;
        }
        for (JsonNode added : root.path("added_tokens")) {
            tokens[added.path("id").asInt()] = null;
        }
        return tokens;
    }
}
