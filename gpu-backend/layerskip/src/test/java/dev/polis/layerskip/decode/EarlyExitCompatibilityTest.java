package dev.polis.layerskip.decode;

import dev.polis.api.inference.Decoder;
import dev.polis.testkit.DecoderCompatibilityKit;

/** {@code decoder.early-exit} passes the SDK's decoder compatibility kit. */
class EarlyExitCompatibilityTest extends DecoderCompatibilityKit {

    @Override
    protected Decoder createDecoder() {
        return new EarlyExitDecoder();
    }
}
