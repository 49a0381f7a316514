package dev.polis.layerskip.decode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.DecodeLoop;
import org.pf4j.Extension;

/**
 * The {@code decoder.self-speculative} decoder (LayerSkip): drafts d tokens with the first E layers, verifies them
 * with the remaining layers in one pass that reuses the draft's KV cache and exit-layer hidden states. At
 * temperature 0 the output equals {@code decoder.greedy}'s token for token; above, speculative sampling keeps the
 * full model's sampling distribution.
 *
 * <p>E and d come from the decoder's settings block ({@link DecodeRequest#options()}, keys {@code exitLayer} and
 * {@code draftTokens}, read by {@link LayerSkipSettings#from}); when either is unset (auto) it is chosen by
 * {@link Calibration} on the first prompt. On a model without the runtime's layer seam it decodes ordinarily.
 * A request's token constraint holds drafts and verified tokens alike ({@link ConstrainedSpeculation}).
 * Metrics: acceptance rate, α, tokens per round, time per token, the §A.9 predicted speed-up and the measured one
 * (against the probed full-model cost per token).
 */
@Extension
public final class SelfSpeculativeDecoder implements Decoder {

    /** The decoder's id. */
    public static final String ID = "decoder.self-speculative";

    private final BiConsumer<SelfSpeculativeSession, Round> observer;

    /** Creates the decoder; each request's options carry its settings. */
    public SelfSpeculativeDecoder() {
        this((session, round) -> { });
    }

    /** Creates the decoder reporting every round to {@code observer}, for tests. */
    SelfSpeculativeDecoder(BiConsumer<SelfSpeculativeSession, Round> observer) {
        this.observer = observer;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Self-speculative decoding (LayerSkip): draft with the first E layers, verify with the rest, shared KV "
                + "cache; greedy output identical to decoder.greedy";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("layerskip", "deterministic", "seeded");
    }

    @Override
    public DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener) {
        Optional<LayeredModel> layered = LayeredModel.of(model);
        if (layered.isEmpty() || layered.get().depth() < 2) {
            return DecodeLoop.run(model, request, listener, Choosers.of(request.settings()));
        }
        LayeredModel lm = layered.get();
        LayerSkipSettings chosen = LayerSkipSettings.from(request.options(), ID);
        chosen.check(lm.depth());
        Calibration.Choice calibration = null;
        if (chosen.auto()) {
            calibration = Calibration.choose(lm, List.of(request.prompt()), chosen);
            chosen = chosen.orElse(new LayerSkipSettings(calibration.exitLayer(), calibration.draftTokens()));
        }
        Speculation speculation = Choosers.sampling(request.settings())
                ? new SpeculativeSampling(Warp.of(request.settings()), Choosers.seed(request.settings()))
                : new GreedySpeculation();
        if (request.constraint() != null) {
            Set<Integer> stops = new HashSet<>(lm.lm().stopTokens());
            stops.addAll(request.stopTokens());
            speculation = new ConstrainedSpeculation(speculation, request.constraint().start(), stops);
        }
        DecodeResult result = SelfSpeculativeLoop.run(lm, request, listener, chosen.exitLayer(),
                chosen.draftTokens(), speculation, CostProbe.costs(lm), observer);
        if (calibration == null) {
            return result;
        }
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        metrics.put("calibrationSeconds", calibration.seconds());
        metrics.put("calibratedAlpha", calibration.alpha());
        metrics.put("calibratedPredictedSpeedup", calibration.predictedSpeedup());
        return new DecodeResult(result.tokens(), result.finishReason(), metrics);
    }
}
