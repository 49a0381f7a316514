package dev.polis.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.run.Progress;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void logLinesArePacedNotFlooded() {
        List<String> lines = new ArrayList<>();
        PacedProgressLog display = new PacedProgressLog(lines::add, clock, Duration.ofSeconds(5));
        try (Progress progress = display.start("episode", 1000)) {
            for (int i = 0; i < 1000; i++) {
                clock.advance(Duration.ofMillis(20));
                progress.status("step " + (i + 1));
                progress.advance(1);
            }
        }
        // 20 s of work: one line per 5 s, plus the closing line.
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("episode: 250/1000 (25%) after 5.0 s, step 250");
        assertThat(lines.get(4)).isEqualTo("episode: done 1000/1000 (100%) after 20.0 s, step 1000");
    }

    @Test
    void consoleBarRedrawsInPlaceAndEndsWithNewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressBar display = new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);
        try (Progress progress = display.start("episode", 4)) {
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofMillis(500));
                progress.advance(1);
            }
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\repisode [#######.......................] 1/4")
                .contains("\repisode [##############################] 4/4 2.0 s")
                .endsWith(System.lineSeparator())
                .doesNotContain("\n\r");
    }

    @Test
    void silentDisplayShowsNothing() {
        try (Progress progress = ProgressDisplay.silent().start("x", 1)) {
            progress.advance(1);
        }
    }
}
