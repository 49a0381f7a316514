package dev.polis.runtime.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopStringsTest {

    private final StopStrings stops = new StopStrings(List.of("</s>", "User:", ""));

    @Test
    void findsTheEarliestMatch() {
        assertThat(stops.firstMatch("hi User: x </s>")).isEqualTo(3);
        assertThat(stops.firstMatch("hello")).isEqualTo(-1);
    }

    @Test
    void holdsBackTheLongestEndThatBeginsAStopString() {
        assertThat(stops.heldBack("hello </")).isEqualTo(2);
        assertThat(stops.heldBack("hello Use")).isEqualTo(3);
        assertThat(stops.heldBack("hello <")).isEqualTo(1);
        assertThat(stops.heldBack("hello")).isZero();
    }

    @Test
    void emptyStopStringsAreIgnored() {
        assertThat(new StopStrings(List.of("")).isEmpty()).isTrue();
        assertThat(stops.firstMatch("anything")).isEqualTo(-1);
    }
}
