package dev.polis.runtime.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.polis.api.InvalidInputException;

/**
 * Works out a checkpoint's {@link SpecialTokens} from {@code tokenizer_config.json} and {@code generation_config.json}.
 *
 * <p>Token texts come from {@code tokenizer_config.json} ({@code "bos_token": "<s>"} or
 * {@code {"content": "<s>", ...}}); ids from {@code generation_config.json} when it gives them, otherwise from the
 * tokenizer. Both files are optional.
 */
final class SpecialTokensReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecialTokensReader() {
    }

    /**
     * Reads the special tokens of the checkpoint in {@code folder}.
     *
     * @param specialIds the special added tokens of {@code tokenizer.json}
     * @param idOf       finds the id of a token text that is not among them (a plain vocabulary entry), if it has one
     */
    static SpecialTokens read(Path folder, Map<String, Integer> specialIds, Function<String, OptionalInt> idOf) {
        JsonNode tokenizerConfig = readOptional(folder.resolve("tokenizer_config.json"));
        JsonNode generationConfig = readOptional(folder.resolve("generation_config.json"));
        String bos = tokenText(tokenizerConfig.path("bos_token"));
        String eos = tokenText(tokenizerConfig.path("eos_token"));
        Function<String, OptionalInt> lookup = text -> text.isEmpty() ? OptionalInt.empty()
                : specialIds.containsKey(text) ? OptionalInt.of(specialIds.get(text)) : idOf.apply(text);

        OptionalInt bosId = generationConfig.path("bos_token_id").isInt()
                ? OptionalInt.of(generationConfig.get("bos_token_id").asInt()) : lookup.apply(bos);
        if (bos.isEmpty() && bosId.isPresent()) {
            bos = textOf(specialIds, bosId.getAsInt());
        }
        Set<Integer> eosIds = new LinkedHashSet<>();
        JsonNode eosNode = generationConfig.path("eos_token_id");
        if (eosNode.isInt()) {
            eosIds.add(eosNode.asInt());
        } else if (eosNode.isArray()) {
            eosNode.forEach(id -> eosIds.add(id.asInt()));
        }
        lookup.apply(eos).ifPresent(eosIds::add);
        if (eos.isEmpty() && !eosIds.isEmpty()) {
            eos = textOf(specialIds, eosIds.iterator().next());
        }
        return new SpecialTokens(bos, bosId, eos, eosIds, specialIds);
    }

    private static String tokenText(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        return node.path("content").isTextual() ? node.get("content").asText() : "";
    }

    private static String textOf(Map<String, Integer> ids, int id) {
        return ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst().orElse("");
    }

    private static JsonNode readOptional(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read it as JSON: " + e.getMessage(), e);
        }
    }
}
