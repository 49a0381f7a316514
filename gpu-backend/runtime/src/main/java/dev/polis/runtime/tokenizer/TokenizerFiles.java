package dev.polis.runtime.tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a byte-level tokenizer in Hugging Face's format, for checkpoints made from scratch ({@code polis model init}).
 *
 * <p>The vocabulary is the 256 byte values (ids 0 to 255, so any UTF-8 text round-trips) followed by the given
 * special tokens; there are no merges. Beside {@code tokenizer.json} it writes {@code tokenizer_config.json} with
 * {@code bos_token}, {@code eos_token} and a chat template: ChatML ({@code <|im_start|>role\n...<|im_end|>\n}, as
 * Qwen2.5 and SmolLM2 use) when both {@code <|im_start|>} and {@code <|im_end|>} are among the special tokens,
 * otherwise {@code role: content<eos>} lines after the beginning token.
 */
public final class TokenizerFiles {

    /** The special tokens of a ChatML tokenizer, the usual choice for a new checkpoint. */
    public static final List<String> CHATML_SPECIAL_TOKENS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");

    private static final String IM_START = "<|im_start|>";
    private static final String IM_END = "<|im_end|>";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TokenizerFiles() {
    }

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code folder} (created if needed).
     *
     * <p>In the plain (non-ChatML) layout the first special token is the beginning token and the last the end token.
     *
     * @param specialTokens special tokens in id order from 256 on; distinct, not blank; may be empty
     * @return the ids the tokenizer uses, for the model's configuration
     * @throws UncheckedIOException when the files cannot be written
     */
    public static TokenizerLayout writeByteLevel(Path folder, List<String> specialTokens) {
        List<String> specials = List.copyOf(new LinkedHashSet<>(specialTokens));
        if (specials.size() != specialTokens.size() || specials.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("special tokens must be distinct and not blank: " + specialTokens);
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String token : specials) {
            ids.put(token, 256 + ids.size());
        }
        boolean chatMl = ids.containsKey(IM_START) && ids.containsKey(IM_END);
        String bos = chatMl ? IM_START : specials.isEmpty() ? "" : specials.get(0);
        String eos = chatMl ? IM_END : specials.isEmpty() ? "" : specials.get(specials.size() - 1);
        try {
            Files.createDirectories(folder);
            JSON.writeValue(folder.resolve("tokenizer.json").toFile(), tokenizerJson(ids));
            JSON.writeValue(folder.resolve("tokenizer_config.json").toFile(), tokenizerConfig(bos, eos, chatMl));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tokenizer into " + folder + ": " + e.getMessage(), e);
        }
        return new TokenizerLayout(256 + ids.size(), ids, bos, eos);
    }

    private static ObjectNode tokenizerJson(Map<String, Integer> specials) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        specials.forEach((content, id) -> added.addObject()
                .put("id", id).put("content", content).put("single_word", false).put("lstrip", false)
                .put("rstrip", false).put("normalized", false).put("special", true));
        root.putNull("normalizer");
        root.set("pre_tokenizer", byteLevel(false, true));
        root.putNull("post_processor");
        root.set("decoder", byteLevel(true, true));
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode vocab = model.putObject("vocab");
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(ByteLevelAlphabet.charOf(b)), b);
        }
        model.putArray("merges");
        return root;
    }

    private static ObjectNode byteLevel(boolean addPrefixSpace, boolean trimOffsets) {
        return JSON.createObjectNode().put("type", "ByteLevel").put("add_prefix_space", addPrefixSpace)
                .put("trim_offsets", trimOffsets).put("use_regex", true);
    }

    private static ObjectNode tokenizerConfig(String bos, String eos, boolean chatMl) {
        ObjectNode config = JSON.createObjectNode();
        config.put("tokenizer_class", "PreTrainedTokenizerFast");
        config.put("model_max_length", 1_000_000);
        config.put("clean_up_tokenization_spaces", false);
        if (bos.isEmpty()) {
            config.putNull("bos_token");
        } else {
            config.put("bos_token", bos);
        }
        if (eos.isEmpty()) {
            config.putNull("eos_token");
        } else {
            config.put("eos_token", eos);
        }
        config.put("chat_template", chatMl ? chatMlTemplate() : plainTemplate());
        return config;
    }

    private static String chatMlTemplate() {
        return "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content']"
                + " + '<|im_end|>\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
                + "{% endif %}";
    }

    private static String plainTemplate() {
        return "{{ bos_token }}{% for message in messages %}{{ message['role'] + ': ' + message['content'] + eos_token"
                + " + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ 'assistant: ' }}{% endif %}";
    }
}
