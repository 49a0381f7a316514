package dev.polis.runtime.decode;

import dev.polis.api.inference.Decoder;
import dev.polis.testkit.DecoderCompatibilityKit;

class GreedyDecoderCompatibilityTest extends DecoderCompatibilityKit {

    @Override
    protected Decoder createDecoder() {
        return new GreedyDecoder();
    }
}
