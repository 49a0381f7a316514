package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class TestSettingsTest {

    record Lake(int capacity, double regrowth, List<Fisher> fishers) {
    }

    record Fisher(String name, int amount) {
    }

    @Test
    void bindsNestedValuesOntoRecords() {
        TestSettings settings = TestSettings.of("capacity", 100, "regrowth", "2.5",
                "fishers", List.of(Map.of("name", "ana", "amount", 10)));
        assertThat(settings.bind(Lake.class)).isEqualTo(new Lake(100, 2.5, List.of(new Fisher("ana", 10))));
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        TestSettings settings = TestSettings.of("capacity", 100, "colour", "blue");
        assertThatThrownBy(() -> settings.bind(Lake.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("colour: unknown field")
                .hasMessageContaining("capacity, fishers, regrowth");
    }

    @Test
    void wrongTypesAreReportedWithTheFieldPath() {
        TestSettings settings = TestSettings.of("fishers", List.of(Map.of("name", "ana", "amount", "lots")));
        assertThatThrownBy(() -> settings.bind(Lake.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("fishers[0].amount: ");
    }

    @Test
    void typedGettersReadValuesAndFallBackToDefaults() {
        TestSettings settings = TestSettings.of("months", "12", "greedy", true, "names", "ana");
        assertThat(settings.intValue("months", 1)).isEqualTo(12);
        assertThat(settings.doubleValue("capacity", 100)).isEqualTo(100);
        assertThat(settings.booleanValue("greedy", false)).isTrue();
        assertThat(settings.strings("names")).containsExactly("ana");
        assertThat(TestSettings.empty().asMap()).isEmpty();
    }

    @Test
    void keepsNullValuesAndRefusesChanges() {
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("model", null);
        TestSettings settings = TestSettings.of(withNull);
        assertThat(settings.asMap()).containsEntry("model", null);
        assertThatThrownBy(() -> settings.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void oddArgumentsAreRejected() {
        assertThatThrownBy(() -> TestSettings.of("capacity", 1, "months"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
