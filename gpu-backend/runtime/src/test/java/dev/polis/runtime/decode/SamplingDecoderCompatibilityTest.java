package dev.polis.runtime.decode;

import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.Decoder;
import dev.polis.testkit.DecoderCompatibilityKit;

class SamplingDecoderCompatibilityTest extends DecoderCompatibilityKit {

    @Override
    protected Decoder createDecoder() {
        return new SamplingDecoder();
    }

    @Override
    protected GenerationSettings generationSettings() {
        return GenerationSettings.DEFAULTS.withTemperature(0.9).withTopP(0.95).withTopK(8).withSeed(42);
    }
}
