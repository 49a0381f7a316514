package dev.polis.runtime.tokenizer;

/**
 * Turns text into token ids and back for one checkpoint, and knows its special tokens.
 *
 * <p>Special tokens written as text (for example {@code <|im_start|>} in a rendered chat template) are recognised
 * as such when encoding. Implementations are thread-safe; close one to free its native memory.
 */
public interface PolisTokenizer extends AutoCloseable {

    /**
     * Encodes {@code text}; with {@code addSpecialTokens} the tokenizer's post-processor adds what the model expects
     * around plain text (a beginning-of-sequence token for Llama, nothing for most chat models).
     */
    int[] encode(String text, boolean addSpecialTokens);

    /** Encodes {@code text} as it stands, adding no special token: what a rendered chat template needs. */
    default int[] encode(String text) {
        return encode(text, false);
    }

    /** Decodes {@code ids}; with {@code skipSpecialTokens} special tokens are left out of the text. */
    String decode(int[] ids, boolean skipSpecialTokens);

    /** Decodes {@code ids}, keeping special tokens in the text. */
    default String decode(int[] ids) {
        return decode(ids, false);
    }

    /** Returns the beginning and end tokens and every special token this tokenizer knows. */
    SpecialTokens specialTokens();

    /** Returns a decoder for text streamed token by token, which never splits a multi-byte character. */
    default IncrementalDecoder newIncrementalDecoder(boolean skipSpecialTokens) {
        return new IncrementalDecoder(ids -> decode(ids, skipSpecialTokens));
    }

    /** Frees native memory; calling it twice is harmless. */
    @Override
    void close();
}
