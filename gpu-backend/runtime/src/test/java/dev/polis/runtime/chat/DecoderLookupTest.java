package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.host.UnknownExtensionException;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.decode.SamplingDecoder;
import dev.polis.runtime.fixtures.RecordingDecoder;
import dev.polis.runtime.fixtures.TestHost;
import org.junit.jupiter.api.Test;

/** Decoders are chosen through the host's extensions, with a reason and their settings block. */
class DecoderLookupTest {

    private final DecoderLookup lookup = new DecoderLookup(TestHost.extensions(new RecordingDecoder()),
            TestHost.settings());

    @Test
    void withoutANamedDecoderGreedyDecodesAtTemperatureZeroAndSamplingAbove() {
        DecoderChoice greedy = lookup.choose(InferenceOptions.DEFAULTS, GenerationSettings.DEFAULTS);
        assertThat(greedy.id()).isEqualTo(GreedyDecoder.ID);
        assertThat(greedy.reason()).contains("no decoder was named").contains("temperature 0")
                .contains(RecordingDecoder.ID);
        DecoderChoice sampling = lookup.choose(InferenceOptions.DEFAULTS,
                GenerationSettings.DEFAULTS.withTemperature(0.7));
        assertThat(sampling.id()).isEqualTo(SamplingDecoder.ID);
        assertThat(sampling.options().asMap()).isEmpty();
    }

    @Test
    void aNamedDecoderGetsItsOwnSettingsBlockAndTheRegistrysReason() {
        InferenceOptions inference = new InferenceOptions(null, RecordingDecoder.ID, List.of(),
                Map.of(RecordingDecoder.ID, Map.of("exitLayer", 6), GreedyDecoder.ID, Map.of("other", true)));
        DecoderChoice chosen = lookup.choose(inference, GenerationSettings.DEFAULTS.withTemperature(1.0));
        assertThat(chosen.id()).isEqualTo(RecordingDecoder.ID);
        assertThat(chosen.options().asMap()).isEqualTo(Map.of("exitLayer", 6));
        assertThat(chosen.reason()).contains(RecordingDecoder.ID).contains("named");
    }

    @Test
    void aBadValueInTheSettingsBlockIsReportedWithItsPath() {
        InferenceOptions inference = new InferenceOptions(null, RecordingDecoder.ID, List.of(),
                Map.of(RecordingDecoder.ID, Map.of("exitLayer", "six")));
        DecoderChoice chosen = lookup.choose(inference, GenerationSettings.DEFAULTS);
        assertThatThrownBy(() -> chosen.options().bind(Block.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("runtime.settings." + RecordingDecoder.ID + ".exitLayer");
    }

    @Test
    void anUnknownDecoderFailsWithTheKnownOnes() {
        assertThatThrownBy(() -> lookup.choose(new InferenceOptions(null, "decoder.beam", null),
                GenerationSettings.DEFAULTS))
                .isInstanceOf(UnknownExtensionException.class)
                .hasMessageContaining("decoder.beam")
                .hasMessageContaining("decoder.greedy, decoder.sampling");
    }

    @Test
    void aModelsChooserChoosesOncePerKindOfRequest() {
        var chooser = lookup.chooser(InferenceOptions.DEFAULTS);
        DecoderChoice first = chooser.apply(GenerationSettings.DEFAULTS);
        assertThat(chooser.apply(GenerationSettings.DEFAULTS.withMaxTokens(3))).isSameAs(first);
        assertThat(chooser.apply(GenerationSettings.DEFAULTS.withTemperature(1.0)).id()).isEqualTo(SamplingDecoder.ID);
    }

    /** A decoder's settings as a record. */
    record Block(int exitLayer) {
    }
}
