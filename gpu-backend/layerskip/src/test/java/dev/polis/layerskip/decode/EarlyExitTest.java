package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.LmSession;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.model.TransformerLm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §A.8 oracle 3: early exit at E equals a checkpoint physically truncated to E layers (same weights). */
class EarlyExitTest {

    private static final int LAYERS = 4;

    @TempDir
    Path folder;

    @Test
    void earlyExitLogitsEqualATruncatedCheckpoint() {
        TinyLlama tiny = new TinyLlama(LAYERS, 3);
        try (TransformerLm full = tiny.load(folder.resolve("full"))) {
            LayeredModel layered = LayeredModel.of(full).orElseThrow();
            for (int exit = 1; exit <= LAYERS; exit++) {
                try (TransformerLm truncated = tiny.load(folder.resolve("e" + exit), exit, LAYERS);
                     LmSession early = new EarlyExitLm(layered, exit).newSession();
                     LmSession cut = truncated.newSession()) {
                    assertThat(truncated.config().layers()).isEqualTo(exit);
                    assertRowsClose(early.append(new int[] {5, 12, 40, 3}), cut.append(new int[] {5, 12, 40, 3}));
                    assertRowsClose(early.append(new int[] {7}), cut.append(new int[] {7}));
                    early.crop(2);
                    cut.crop(2);
                    assertRowsClose(new float[][] {early.appendLast(new int[] {9, 1})},
                            new float[][] {cut.appendLast(new int[] {9, 1})});
                }
            }
        }
    }

    @Test
    void earlyExitDecoderDecodesTheTruncatedModelsGreedyOutput() {
        TinyLlama tiny = new TinyLlama(LAYERS, 3);
        DecodeRequest request = new DecodeRequest(new int[] {8, 19, 2}, GenerationSettings.DEFAULTS.withMaxTokens(20),
                null, LayerSkipOptions.of(2, 0));
        try (TransformerLm full = tiny.load(folder.resolve("full"));
             TransformerLm truncated = tiny.load(folder.resolve("e2"), 2, LAYERS)) {
            DecodeResult early = new EarlyExitDecoder()
                    .decode(full, request, TokenListener.ignoring());
            DecodeResult cut = new GreedyDecoder().decode(truncated, request, TokenListener.ignoring());
            assertThat(early.tokens()).containsExactly(cut.tokens());
        }
    }

    @Test
    void withoutAnExitLayerTheDecoderSaysWhereToSetIt() {
        DecodeRequest request = new DecodeRequest(new int[] {8, 19, 2}, GenerationSettings.DEFAULTS.withMaxTokens(4),
                null);
        try (TransformerLm full = new TinyLlama(LAYERS, 3).load(folder.resolve("full"))) {
            assertThatThrownBy(() -> new EarlyExitDecoder().decode(full, request, TokenListener.ignoring()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("runtime.settings.decoder.early-exit.exitLayer (1..4)");
        }
    }

    private static void assertRowsClose(float[][] actual, float[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int r = 0; r < actual.length; r++) {
            for (int v = 0; v < actual[r].length; v++) {
                assertThat(actual[r][v]).isCloseTo(expected[r][v], within(1e-5f));
            }
        }
    }
}
