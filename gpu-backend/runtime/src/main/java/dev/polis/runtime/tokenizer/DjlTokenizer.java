package dev.polis.runtime.tokenizer;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/** A {@link PolisTokenizer} over DJL's binding of Hugging Face's Rust tokenizers. */
final class DjlTokenizer implements PolisTokenizer {

    private final HuggingFaceTokenizer tokenizer;
    private final SpecialTokens specialTokens;
    private final AtomicBoolean closed = new AtomicBoolean();

    DjlTokenizer(HuggingFaceTokenizer tokenizer, SpecialTokens specialTokens) {
        this.tokenizer = tokenizer;
        this.specialTokens = specialTokens;
    }

    @Override
    public int[] encode(String text, boolean addSpecialTokens) {
        requireOpen();
        long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
        int[] result = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = Math.toIntExact(ids[i]);
        }
        return result;
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        requireOpen();
        if (ids.length == 0) {
            return "";
        }
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), skipSpecialTokens);
    }

    @Override
    public SpecialTokens specialTokens() {
        return specialTokens;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            tokenizer.close();
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the tokenizer is closed");
        }
    }
}
