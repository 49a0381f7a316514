package dev.polis.layerskip.decode;

import dev.polis.api.inference.Decoder;
import dev.polis.testkit.DecoderCompatibilityKit;

/** {@code decoder.self-speculative} passes the SDK's decoder compatibility kit. */
class SelfSpeculativeCompatibilityTest extends DecoderCompatibilityKit {

    @Override
    protected Decoder createDecoder() {
        return new SelfSpeculativeDecoder();
    }
}
