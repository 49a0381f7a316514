package dev.polis.guards.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.guards.leak.LeakDetector;
import org.junit.jupiter.api.Test;

/** The leak guard's settings: defaults, the paraphrase switch, and errors naming the setting. */
class LeakGuardSettingsTest {

    private static LeakDetector detector(Map<String, Object> values) {
        return LeakGuard.detector(new BlockSettings(BlockSettings.of(values), "guards[2]"));
    }

    @Test
    void theDefaultsAreHalfTheTrigramsAndSixtyOrFiftyPercentOfTheContentWords() {
        assertThat(detector(Map.of())).isEqualTo(new LeakDetector(0.5, 8, 0.6, 0.5));
    }

    @Test
    void aCoverageBelowTheCuedDefaultLowersTheCuedShareWithIt() {
        assertThat(detector(Map.of("coverage", 0.4)).cuedCoverageThreshold()).isEqualTo(0.4);
    }

    @Test
    void theParaphraseSwitchLeavesCanariesAndTrigramsOnly() {
        assertThat(detector(Map.of("paraphrase", false, "overlap", 0.3))).isEqualTo(new LeakDetector(0.3, 8));
    }

    @Test
    void aShareOutOfRangeNamesTheSetting() {
        assertThatThrownBy(() -> detector(Map.of("coverage", 0))).isInstanceOf(InvalidInputException.class)
                .hasMessage("guards[2].coverage: must be in (0, 1] but was 0.0");
        assertThatThrownBy(() -> detector(Map.of("cuedCoverage", "lots"))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("guards[2].cuedCoverage: expected a number in (0, 1] but found 'lots'");
    }

    @Test
    void aCuedShareAboveTheUncuedOneNamesBoth() {
        assertThatThrownBy(() -> detector(Map.of("coverage", 0.5, "cuedCoverage", 0.7)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("guards[2].cuedCoverage: must not exceed guards[2].coverage (0.5) but was 0.7");
    }

    @Test
    void theGuardReadsItsCanariesBesideTheDetector() {
        LeakGuard guard = LeakGuard.from(new BlockSettings(BlockSettings.of(Map.of("canaries", List.of("C-1"))), ""));
        assertThat(guard.canaries()).containsExactly("C-1");
    }
}
