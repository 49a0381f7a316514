package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto mode calibrates E and d on the prompt; the decoder's settings block fixes them. */
class AutoModeTest {

    @TempDir
    Path folder;

    @Test
    void calibrationPicksTheExitAfterWhichLayersAreIdentity() {
        int[] prompt = {3, 14, 15, 9, 26};
        try (TransformerLm lm = new TinyLlama(6, 21, TinyLlama.VOCAB).load(folder, 6, 2)) {
            LayerCosts flat = new LayerCosts(6, 1.0, 0.0, 0.0);
            Calibration.Choice choice = Calibration.calibrate(LayeredModel.of(lm).orElseThrow(), List.of(prompt),
                    LayerSkipSettings.AUTO, flat);
            assertThat(choice.exitLayer()).isEqualTo(2);
            assertThat(choice.alpha()).isEqualTo(1.0);
            assertThat(choice.draftTokens()).isEqualTo(Calibration.MAX_DRAFTS);
            assertThat(choice.alphaByExit()).hasSize(5).containsSequence(1.0, 1.0, 1.0, 1.0);
            assertThat(choice.positions()).isEqualTo(Calibration.TOKENS);
            Calibration.Choice fixedDrafts = Calibration.calibrate(LayeredModel.of(lm).orElseThrow(), List.of(prompt),
                    new LayerSkipSettings(0, 3), flat);
            assertThat(fixedDrafts.draftTokens()).isEqualTo(3);
            assertThat(fixedDrafts.exitLayer()).isEqualTo(2);
        }
    }

    @Test
    void autoModeKeepsGreedyOutputAndReportsTheCalibration() {
        int[] prompt = {3, 14, 15, 9, 26};
        try (TransformerLm lm = new TinyLlama(6, 21).load(folder, 6, 2)) {
            DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(24), null);
            DecodeResult auto = new SelfSpeculativeDecoder()
                    .decode(lm, request, TokenListener.ignoring());
            DecodeResult greedy = new GreedyDecoder().decode(lm, request, TokenListener.ignoring());
            assertThat(auto.tokens()).containsExactly(greedy.tokens());
            assertThat(auto.metrics()).containsKeys("calibrationSeconds", "calibratedPredictedSpeedup");
            assertThat(auto.metrics().get("exitLayer")).isBetween(1.0, 5.0);
            assertThat(auto.metrics().get("draftTokens")).isBetween(1.0, (double) Calibration.MAX_DRAFTS);
        }
    }

    @Test
    void settingsComeOnlyFromTheDecodersBlockWhereAbsentZeroOrAutoMeanCalibrate() {
        assertThat(LayerSkipSettings.from(Settings.empty(), SelfSpeculativeDecoder.ID))
                .isEqualTo(LayerSkipSettings.AUTO);
        assertThat(LayerSkipSettings.from(LayerSkipOptions.of(3, 5), SelfSpeculativeDecoder.ID))
                .isEqualTo(new LayerSkipSettings(3, 5));
        assertThat(LayerSkipSettings.from(TestSettings.of("exitLayer", "auto", "draftTokens", "4"),
                SelfSpeculativeDecoder.ID)).isEqualTo(new LayerSkipSettings(0, 4));
        assertThat(LayerSkipSettings.from(TestSettings.of("draftTokens", 6L), SelfSpeculativeDecoder.ID))
                .isEqualTo(new LayerSkipSettings(0, 6));
    }

    @Test
    void aBadOrUnknownSettingNamesItsPath() {
        assertThatThrownBy(() -> LayerSkipSettings.from(TestSettings.of("exitLayer", 2.5), SelfSpeculativeDecoder.ID))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("runtime.settings.decoder.self-speculative.exitLayer: expected a whole number");
        assertThatThrownBy(() -> LayerSkipSettings.from(TestSettings.of("draftTokens", -1), SelfSpeculativeDecoder.ID))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("draftTokens")
                .hasMessageContaining("'-1'");
        assertThatThrownBy(() -> LayerSkipSettings.from(TestSettings.of("exitlayer", 4), EarlyExitDecoder.ID))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("runtime.settings.decoder.early-exit: unknown setting exitlayer "
                        + "(known: exitLayer, draftTokens)");
    }

    @Test
    void perPassCostsCountOncePerPass() {
        LayerCosts costs = new LayerCosts(8, 1.0, 0.0, 0.0, 2.0);
        // full token: 2 + 8; round with E=2, d=4: 4 drafts of 2+2, a tail of 2+2, a verification of 2+6
        assertThat(costs.fullToken()).isEqualTo(10.0);
        assertThat(SpeedupModel.roundCost(4, 2, costs)).isEqualTo(4 * 4 + 4 + 8);
        assertThat(SpeedupModel.speedup(1.0, 4, 2, costs)).isEqualTo(5.0 * 10 / 28);
    }

    @Test
    void predictedSpeedupFollowsTheModel() {
        LayerCosts costs = new LayerCosts(8, 1.0, 0.0, 0.0);
        assertThat(SpeedupModel.tokensPerRound(1.0, 4)).isEqualTo(5.0);
        assertThat(SpeedupModel.tokensPerRound(0.0, 4)).isEqualTo(1.0);
        // alpha 1, E=2, d=4, flat per-token cost: 5 tokens for 4*2 + 2 + 6 = 16 layer-steps vs 8 per token
        assertThat(SpeedupModel.speedup(1.0, 4, 2, costs)).isEqualTo(5.0 * 8 / 16);
    }
}
