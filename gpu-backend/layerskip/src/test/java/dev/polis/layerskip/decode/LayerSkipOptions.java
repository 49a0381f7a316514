package dev.polis.layerskip.decode;

import dev.polis.api.Settings;
import dev.polis.testkit.TestSettings;

/** A LayerSkip decoder's settings block as the runtime hands it over, in {@code DecodeRequest.options()}. */
final class LayerSkipOptions {

    private LayerSkipOptions() {
    }

    /** Returns the block {@code {exitLayer: exit, draftTokens: drafts}}; 0 leaves a value to calibration. */
    static Settings of(int exit, int drafts) {
        return TestSettings.of(LayerSkipSettings.EXIT_LAYER, exit, LayerSkipSettings.DRAFT_TOKENS, drafts);
    }
}
