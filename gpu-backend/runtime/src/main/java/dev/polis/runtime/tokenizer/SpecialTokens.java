package dev.polis.runtime.tokenizer;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The special tokens of a checkpoint: beginning and end of sequence, and every token marked special.
 *
 * <p>Read from {@code tokenizer.json} (its added tokens), {@code tokenizer_config.json} ({@code bos_token},
 * {@code eos_token}) and {@code generation_config.json} ({@code bos_token_id}, {@code eos_token_id}, which may list
 * several end tokens, such as Llama 3's {@code <|eot_id|>} and {@code <|end_of_text|>}).
 *
 * @param bosToken the beginning-of-sequence token's text, or {@code ""} when the checkpoint has none
 * @param bosId    its id, if known
 * @param eosToken the end-of-sequence token's text (the one chat templates write), or {@code ""}
 * @param eosIds   every token id that ends a generation; may be empty
 * @param ids      every special token's text mapped to its id
 */
public record SpecialTokens(String bosToken, OptionalInt bosId, String eosToken, Set<Integer> eosIds,
                            Map<String, Integer> ids) {

    /** No special tokens at all. */
    public static final SpecialTokens NONE = new SpecialTokens("", OptionalInt.empty(), "", Set.of(), Map.of());

    /** Checks and copies the components. */
    public SpecialTokens {
        bosToken = bosToken == null ? "" : bosToken;
        bosId = Objects.requireNonNull(bosId, "bosId");
        eosToken = eosToken == null ? "" : eosToken;
        eosIds = Set.copyOf(eosIds);
        ids = Map.copyOf(ids);
    }

    /** Returns whether {@code id} is one of the special tokens. */
    public boolean isSpecial(int id) {
        return ids.containsValue(id);
    }
}
