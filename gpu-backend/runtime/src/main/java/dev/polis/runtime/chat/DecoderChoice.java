package dev.polis.runtime.chat;

import java.util.Objects;
import dev.polis.api.Settings;
import dev.polis.api.inference.Decoder;

/**
 * The decoder a generation uses, with its own configuration block and why it was chosen.
 *
 * @param decoder the decoder
 * @param options its block, {@code runtime.settings.<decoder id>}; handed to it as
 *                {@link dev.polis.api.inference.DecodeRequest#options()}
 * @param reason  one sentence for {@code --verbose}: named, or the default for the temperature
 */
public record DecoderChoice(Decoder decoder, Settings options, String reason) {

    /** Checks the components. */
    public DecoderChoice {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns the decoder's id. */
    public String id() {
        return decoder.id();
    }
}
