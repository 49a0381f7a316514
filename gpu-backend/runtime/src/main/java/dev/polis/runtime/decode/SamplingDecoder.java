package dev.polis.runtime.decode;

import java.security.SecureRandom;
import java.util.Set;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;
import org.pf4j.Extension;

/**
 * The {@code decoder.sampling} decoder: samples with temperature, top-k and top-p; the same seed gives the same
 * tokens.
 *
 * <p>Unset settings take the usual defaults: temperature 1, no top-k, top-p 1, and a fresh random seed.
 */
@Extension
public final class SamplingDecoder implements Decoder {

    /** The decoder's id. */
    public static final String ID = "decoder.sampling";

    private static final SecureRandom SEEDS = new SecureRandom();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Sampling with temperature, top-k and top-p; reproducible with a seed";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("seeded");
    }

    @Override
    public DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener) {
        return DecodeLoop.run(model, request, listener, samplerFor(request.settings()));
    }

    /** Returns the sampler {@code settings} ask for. */
    static LogitSampler samplerFor(GenerationSettings settings) {
        double temperature = settings.temperature() == null ? 1.0 : settings.temperature();
        int topK = settings.topK() == null ? 0 : settings.topK();
        double topP = settings.topP() == null ? 1.0 : settings.topP();
        long seed = settings.seed() == null ? SEEDS.nextLong() : settings.seed();
        return new LogitSampler(temperature, topK, topP, seed);
    }
}
