package dev.polis.runtime.tokenizer;

import java.util.Map;

/**
 * Describes a tokenizer written by {@link TokenizerFiles}: how many ids it uses and which ids its special tokens got.
 *
 * @param vocabularySize  the number of token ids (bytes first, then special tokens); a model's {@code vocab_size}
 *                        must be at least this
 * @param specialTokenIds every special token's text mapped to its id
 * @param bosToken        the token {@code tokenizer_config.json} names as {@code bos_token}, or {@code ""}
 * @param eosToken        the token {@code tokenizer_config.json} names as {@code eos_token}, or {@code ""}
 */
public record TokenizerLayout(int vocabularySize, Map<String, Integer> specialTokenIds, String bosToken,
                              String eosToken) {

    /** Copies the map. */
    public TokenizerLayout {
        specialTokenIds = Map.copyOf(specialTokenIds);
    }

    /** Returns the id of the end-of-sequence token, or -1 when there is none. */
    public int eosTokenId() {
        return specialTokenIds.getOrDefault(eosToken, -1);
    }

    /** Returns the id of the beginning-of-sequence token, or -1 when there is none. */
    public int bosTokenId() {
        return specialTokenIds.getOrDefault(bosToken, -1);
    }
}
