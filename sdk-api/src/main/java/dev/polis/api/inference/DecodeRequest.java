package dev.polis.api.inference;

import java.util.List;
import java.util.Objects;
import dev.polis.api.Settings;
import dev.polis.api.chat.GenerationSettings;
import org.apiguardian.api.API;

/**
 * Asks a decoder to continue a prompt.
 *
 * @param prompt     the prompt's token ids; never empty
 * @param settings   sampling settings, token limit, seed
 * @param stopTokens extra token ids that end generation, beside the model's own
 * @param options    the decoder's own configuration block ({@code runtime.settings.<decoder id>}); empty when none
 * @param constraint the tokens allowed at each step (constrained decoding), or {@code null} for none; decoders
 *                   mask each row of logits they choose from with a cursor of it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DecodeRequest(int[] prompt, GenerationSettings settings, List<Integer> stopTokens, Settings options,
                            TokenConstraint constraint) {

    /** Checks the components. */
    public DecodeRequest {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.length == 0) {
            throw new IllegalArgumentException("a decode request needs at least one prompt token");
        }
        prompt = prompt.clone();
        settings = settings == null ? GenerationSettings.DEFAULTS : settings;
        stopTokens = stopTokens == null ? List.of() : List.copyOf(stopTokens);
        options = options == null ? Settings.empty() : options;
    }

    /** Creates a request without a token constraint. */
    public DecodeRequest(int[] prompt, GenerationSettings settings, List<Integer> stopTokens, Settings options) {
        this(prompt, settings, stopTokens, options, null);
    }

    /** Returns this request with {@code newConstraint} ({@code null}: none). */
    public DecodeRequest withConstraint(TokenConstraint newConstraint) {
        return new DecodeRequest(prompt, settings, stopTokens, options, newConstraint);
    }

    /** Creates a request without decoder settings. */
    public DecodeRequest(int[] prompt, GenerationSettings settings, List<Integer> stopTokens) {
        this(prompt, settings, stopTokens, Settings.empty());
    }

    /** Returns a copy of the prompt tokens. */
    @Override
    public int[] prompt() {
        return prompt.clone();
    }
}
