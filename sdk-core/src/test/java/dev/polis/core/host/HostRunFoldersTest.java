package dev.polis.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.run.EventAppender;
import dev.polis.api.run.RunRecord;
import dev.polis.api.run.RunStatus;
import dev.polis.core.run.RunFolder;
import dev.polis.core.run.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRunFoldersTest {

    private static final Instant FIRST = Instant.parse("2025-03-14T09:30:00Z");
    private static final Instant LATER = Instant.parse("2025-03-14T11:00:00Z");

    @TempDir
    Path output;

    private static HostRunFolders at(Instant now) {
        return new HostRunFolders(Clock.fixed(now, ZoneOffset.UTC));
    }

    private RunInfo info(String runId) {
        return RunFolder.of(output, runId).readInfo().orElseThrow();
    }

    @Test
    void nothingIsWrittenUntilARunStarts() {
        RunRecord run = at(FIRST).open(output, "r1");
        assertThat(run.runId()).isEqualTo("r1");
        assertThat(run.directory()).isEqualTo(output.resolve("r1"));
        assertThat(run.file(RunRecord.EVENTS)).isEqualTo(output.resolve("r1").resolve("events.jsonl"));
        assertThat(run.status()).isEmpty();
        assertThat(run.metrics()).isEmpty();
        assertThat(Files.exists(run.directory())).isFalse();
    }

    @Test
    void startingAgainKeepsTheFirstStartTime() {
        try (RunRecord first = at(FIRST).open(output, "r1")) {
            first.started(7);
        }
        RunRecord again = at(LATER).open(output, "r1");
        assertThat(again.status()).contains(RunStatus.STARTED);

        again.started(7);

        assertThat(again.status()).contains(RunStatus.STARTED);
        assertThat(info("r1").startedAt()).isEqualTo(FIRST.toString());
        assertThat(info("r1").seed()).isEqualTo(7);
    }

    @Test
    void finishingWritesTheMetricsAndTheStatus() throws Exception {
        try (RunRecord first = at(FIRST).open(output, "r1")) {
            first.started(3);
        }
        RunRecord run = at(LATER).open(output, "r1");

        run.finished(Map.of("gain", 1.5, "steps", 12.0));

        assertThat(run.status()).contains(RunStatus.FINISHED);
        assertThat(run.metrics()).isEqualTo(Map.of("gain", 1.5, "steps", 12.0));
        assertThat(Files.readString(run.file(RunRecord.METRICS))).contains("\"gain\" : 1.5");
        assertThat(info("r1").startedAt()).isEqualTo(FIRST.toString());
        assertThat(info("r1").endedAt()).isEqualTo(LATER.toString());
        assertThat(info("r1").error()).isNull();
        assertThat(Files.readString(run.file("run.json"))).contains("\"status\" : \"finished\"");
    }

    @Test
    void failingRecordsTheReasonWithoutMetrics() {
        RunRecord run = at(FIRST).open(output, "r1");
        run.started(3);

        run.failed("the lake ran dry in month 4");

        assertThat(run.status()).contains(RunStatus.FAILED);
        assertThat(info("r1").error()).isEqualTo("the lake ran dry in month 4");
        assertThat(info("r1").endedAt()).isEqualTo(FIRST.toString());
        assertThat(run.metrics()).isEmpty();
        assertThat(Files.exists(run.file(RunRecord.METRICS))).isFalse();
    }

    @Test
    void aRunIdThatIsNotAPlainFolderNameIsRejectedWithAClearMessage() {
        for (String bad : new String[] {"a/b", "../r1", "..", ".", "", " "}) {
            assertThatThrownBy(() -> at(FIRST).open(output, bad)).as("run id '%s'", bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("run id '" + bad + "' is not a plain folder name")
                    .hasMessageContaining("without '/'");
        }
        assertThat(output).isEmptyDirectory();
    }

    @Test
    void eventsAppendedAfterAResumeContinueTheNumberingAndKeepAHeldBackTime() throws Exception {
        RunRecord run = at(FIRST).open(output, "r1");
        run.started(1);
        try (EventAppender events = run.events()) {
            events.emit("a", Map.of("x", 1));
            events.emit(LATER, "b", Map.of("seq", 99, "type", "ignored"));
        }
        run.close();
        try (RunRecord resumed = at(LATER).open(output, "r1"); EventAppender events = resumed.events()) {
            assertThat(events.count()).as("the events already in the file").isEqualTo(2);
            events.emit("c", Map.of());
        }
        assertThat(Files.readAllLines(run.file(RunRecord.EVENTS))).containsExactly(
                "{\"seq\":1,\"time\":\"2025-03-14T09:30:00Z\",\"type\":\"a\",\"x\":1}",
                "{\"seq\":2,\"time\":\"2025-03-14T11:00:00Z\",\"type\":\"b\"}",
                "{\"seq\":3,\"time\":\"2025-03-14T11:00:00Z\",\"type\":\"c\"}");
    }

    @Test
    void theResolvedConfigurationIsWrittenWhereTheCoreRunnerWritesIt() throws Exception {
        RunRecord run = at(FIRST).open(output, "r1");
        run.started(1);
        run.resolvedConfig("run: {id: r2}\n");
        assertThat(run.file(RunRecord.RESOLVED_CONFIG)).isEqualTo(output.resolve("r1").resolve(RunFolder.CONFIG));
        assertThat(Files.readString(run.file(RunRecord.RESOLVED_CONFIG))).isEqualTo("run: {id: r2}\n");
    }
}
