package dev.polis.runtime.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenConstraint;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.DecodeLoop;
import dev.polis.runtime.decode.StopStrings;
import dev.polis.runtime.decode.TextStream;

/**
 * Generates text from prompt tokens on a {@link LocalModel}, streaming it as it is decoded.
 *
 * <p>The model's end tokens stop generation; the request's stop strings do too, and are left out of the text, even
 * when split across tokens. The token limit is the request's (or {@link DecodeLoop#DEFAULT_MAX_TOKENS}), capped by
 * the room the model's context leaves after the prompt. Special tokens are left out of the text.
 */
public final class TextGenerator {

    private TextGenerator() {
    }

    /**
     * Continues {@code prompt} with {@code decoder}, which gets its settings block as the request's options, handing
     * text pieces to {@code sink} as they are decoded.
     *
     * @throws InvalidInputException when the prompt fills the model's context
     */
    public static Generation generate(LocalModel model, int[] prompt, GenerationSettings settings,
                                      DecoderChoice decoder, Consumer<String> sink) {
        return generate(model, prompt, settings, decoder, null, sink);
    }

    /**
     * Continues {@code prompt} as {@link #generate(LocalModel, int[], GenerationSettings, DecoderChoice, Consumer)}
     * does, with the decoder held to {@code constraint} ({@code null}: none).
     */
    public static Generation generate(LocalModel model, int[] prompt, GenerationSettings settings,
                                      DecoderChoice decoder, TokenConstraint constraint, Consumer<String> sink) {
        int room = model.context() - prompt.length;
        if (room <= 0) {
            throw new InvalidInputException("the prompt has " + prompt.length + " tokens but model " + model.name()
                    + " holds at most " + model.context() + "; shorten the conversation");
        }
        int requested = settings.maxTokens() == null ? DecodeLoop.DEFAULT_MAX_TOKENS : settings.maxTokens();
        GenerationSettings bounded = settings.withMaxTokens(Math.min(requested, room));
        List<Integer> stopTokens = new ArrayList<>(model.specialTokens().eosIds());
        TextStream stream = new TextStream(model.tokenizer().newIncrementalDecoder(true),
                new StopStrings(settings.stop()), sink);
        long start = System.nanoTime();
        long[] firstToken = {-1};
        TokenListener listener = token -> {
            if (firstToken[0] < 0) {
                firstToken[0] = System.nanoTime() - start;
            }
            return stream.onToken(token);
        };
        DecodeResult result = decoder.decoder().decode(model.lm(),
                new DecodeRequest(prompt, bounded, stopTokens, decoder.options(), constraint), listener);
        stream.finish();
        FinishReason reason = stream.stoppedAtStopString() ? FinishReason.STOP : result.finishReason();
        return new Generation(stream.text(), reason, prompt.length, result.tokens().length, firstToken[0],
                System.nanoTime() - start);
    }
}
