package dev.polis.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> PROVIDERS = List.of("local", "openai", "replay");

    @Test
    void suggestsTheClosestNameForATypo() {
        assertThat(DidYouMean.suggest("opnai", PROVIDERS)).contains("openai");
        assertThat(DidYouMean.suggest("REPLAY", PROVIDERS)).contains("replay");
    }

    @Test
    void suggestsNothingForAnUnrelatedName() {
        assertThat(DidYouMean.suggest("anthropic", PROVIDERS)).isEmpty();
        assertThat(DidYouMean.suggest("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }
}
