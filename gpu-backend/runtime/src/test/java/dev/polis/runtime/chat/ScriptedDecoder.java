package dev.polis.runtime.chat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;

/** A test decoder that "generates" the tokens it was given, whatever the model says: a model that answers on cue. */
final class ScriptedDecoder implements Decoder {

    static final String ID = "decoder.test-scripted";

    private volatile int[] script = new int[0];

    /** Makes every following decode emit {@code tokens}, then stop. */
    void answer(int[] tokens) {
        script = tokens.clone();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "test decoder: emits a fixed token script";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of();
    }

    @Override
    public DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener) {
        int[] tokens = script;
        for (int i = 0; i < tokens.length; i++) {
            if (!listener.onToken(tokens[i])) {
                return new DecodeResult(Arrays.copyOf(tokens, i + 1), FinishReason.CANCELLED, Map.of());
            }
        }
        return new DecodeResult(tokens, FinishReason.STOP, Map.of());
    }
}
