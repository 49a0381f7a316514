package dev.polis.layerskip.decode;

import java.util.Optional;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.DecodeLoop;
import org.pf4j.Extension;

/**
 * The {@code decoder.early-exit} decoder: decodes with the model truncated to its first E layers plus the final norm
 * and head ({@link EarlyExitLm}); greedy at temperature 0, sampled above. E is the {@code exitLayer} of the decoder's
 * settings block ({@link DecodeRequest#options()}; in a pipeline {@code runtime.settings.decoder.early-exit}).
 */
@Extension
public final class EarlyExitDecoder implements Decoder {

    /** The decoder's id. */
    public static final String ID = "decoder.early-exit";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Early exit (LayerSkip): the first E layers, then the final norm and LM head";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("layerskip", "lossy");
    }

    @Override
    public DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener) {
        Optional<LayeredModel> layered = LayeredModel.of(model);
        if (layered.isEmpty()) {
            return DecodeLoop.run(model, request, listener, Choosers.of(request.settings()));
        }
        LayeredModel lm = layered.get();
        LayerSkipSettings chosen = LayerSkipSettings.from(request.options(), ID);
        if (chosen.exitLayer() == 0) {
            throw new InvalidInputException(ID + " needs an exit layer: set runtime.settings." + ID + ".exitLayer (1.."
                    + lm.depth() + "), for example runtime: {decoder: " + ID + ", settings: {" + ID
                    + ": {exitLayer: " + Math.max(1, lm.depth() / 2) + "}}}");
        }
        if (chosen.exitLayer() > lm.depth()) {
            throw new InvalidInputException("exit layer " + chosen.exitLayer() + " is beyond the model's "
                    + lm.depth() + " layers");
        }
        return DecodeLoop.run(new EarlyExitLm(lm, chosen.exitLayer()), request, listener,
                Choosers.of(request.settings()));
    }
}
