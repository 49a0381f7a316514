package dev.polis.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.calls.CallLog;
import dev.polis.core.run.EventLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Append-only logs hold whole lines: a torn tail left by a killed writer is cut when the log is opened again. */
class LineFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsCutOnOpenAndTheNextEventStartsOnItsOwnLine() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"seq\":1,\"type\":\"a\"}\n{\"seq\":2,\"type\":\"b\",\"text\":\"half");

        try (EventLog log = EventLog.append(file, CLOCK)) {
            assertThat(log.count()).as("the torn event is not counted").isEqualTo(1);
            log.emit("c", Map.of());
        }

        assertThat(Files.readAllLines(file)).containsExactly("{\"seq\":1,\"type\":\"a\"}",
                "{\"seq\":2,\"time\":\"2026-01-02T03:04:05Z\",\"type\":\"c\"}");
    }

    @Test
    void aLineCutInsideAUtf8CharacterIsCutAndTheLogOpensWithoutADecodingError() throws Exception {
        Path file = dir.resolve("events.jsonl");
        byte[] whole = "{\"seq\":1,\"text\":\"café\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] euro = "{\"seq\":2,\"text\":\"€\"}\n".getBytes(StandardCharsets.UTF_8);
        int cut = new String(euro, StandardCharsets.UTF_8).indexOf('€') + 1; // one byte into the three of '€'
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(whole);
        bytes.write(Arrays.copyOf(euro, cut));
        Files.write(file, bytes.toByteArray());

        try (EventLog log = EventLog.append(file, CLOCK)) {
            assertThat(log.count()).isEqualTo(1);
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    }

    @Test
    void aFileHoldingOnlyATornLineIsEmptied() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "{\"seq\":1,\"requ");

        assertThat(LineFile.repair(file)).isEqualTo(14);

        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aWholeFileIsLeftAsItIs() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "{\"seq\":1}\n{\"seq\":2}\n");

        assertThat(LineFile.repair(file)).isZero();

        assertThat(Files.readString(file)).isEqualTo("{\"seq\":1}\n{\"seq\":2}\n");
    }

    @Test
    void callNumbersContinueAfterTheHighestSeqInTheFileNotItsLineCount() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "{\"seq\":2,\"spec\":\"x\"}\n{\"seq\":5,\"spec\":\"x\"}\n{\"seq\":4,\"spec\":\"x\"}\n"
                + "{\"seq\":6,\"sp");

        try (CallLog log = CallLog.open(file)) {
            assertThat(log.nextSequence()).as("calls 1 and 3 were in flight when the writer was killed").isEqualTo(6);
        }

        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void anAppendByAnInterruptedThreadIsWrittenAndTheFileStaysOpenForLaterAppends() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        try (LineFile lines = LineFile.open(file, false)) {
            Thread.currentThread().interrupt();
            try {
                lines.append("{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8));
                lines.force();
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left for its owner").isTrue();
            } finally {
                Thread.interrupted();
            }
            lines.append("{\"seq\":2}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"seq\":1}", "{\"seq\":2}");
    }
}
