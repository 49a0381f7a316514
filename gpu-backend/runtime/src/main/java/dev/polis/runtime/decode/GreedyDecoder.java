package dev.polis.runtime.decode;

import java.util.Set;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;
import org.pf4j.Extension;

/** The {@code decoder.greedy} decoder: always the most likely next token, whatever the sampling settings say. */
@Extension
public final class GreedyDecoder implements Decoder {

    /** The decoder's id. */
    public static final String ID = "decoder.greedy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Greedy decoding: the most likely token at every step (deterministic)";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("deterministic");
    }

    @Override
    public DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener) {
        return DecodeLoop.run(model, request, listener, new Argmax());
    }
}
