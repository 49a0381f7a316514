package dev.polis.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint's state covers exactly the records written before it: a resume neither repeats nor loses one. */
class CheckpointTest {

    @TempDir
    Path run;

    private Checkpoint checkpoint() {
        return new Checkpoint(run, List.of("events.jsonl", "calls.jsonl"));
    }

    private void append(String file, String text) throws Exception {
        Files.writeString(run.resolve(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsWrittenAfterTheLastCheckpointAreCutWhenTheStateIsRestored() throws Exception {
        append("events.jsonl", "{\"seq\":1,\"month\":0}\n");
        append("calls.jsonl", "{\"seq\":1}\n");
        checkpoint().commit("state.json", utf8("{\"month\":1}"));
        append("events.jsonl", "{\"seq\":2,\"month\":1}\n");
        append("calls.jsonl", "{\"seq\":2}\n{\"seq\":3,\"to");

        assertThat(checkpoint().restore("state.json")).hasValueSatisfying(
                state -> assertThat(new String(state, StandardCharsets.UTF_8)).isEqualTo("{\"month\":1}"));

        assertThat(Files.readString(run.resolve("events.jsonl"))).isEqualTo("{\"seq\":1,\"month\":0}\n");
        assertThat(Files.readString(run.resolve("calls.jsonl"))).isEqualTo("{\"seq\":1}\n");
    }

    @Test
    void aStateReplacedJustBeforeTheProcessDiedKeepsTheRecordsItCoversAndBecomesTheCheckpoint() throws Exception {
        append("events.jsonl", "{\"seq\":1,\"month\":0}\n");
        checkpoint().commit("state.json", utf8("{\"month\":1}"));
        append("events.jsonl", "{\"seq\":2,\"month\":1}\n");
        AtomicFiles.write(run.resolve("state.json"), utf8("{\"month\":2}")); // died before checkpoint.json

        assertThat(checkpoint().restore("state.json")).isPresent();
        assertThat(Files.readAllLines(run.resolve("events.jsonl"))).hasSize(2);

        append("events.jsonl", "{\"seq\":3,\"month\":2}\n"); // a second crash in the next month
        checkpoint().restore("state.json");
        assertThat(Files.readAllLines(run.resolve("events.jsonl"))).hasSize(2);
    }

    @Test
    void withoutASavedStateEveryRecordOfTheUnfinishedFirstStepIsCut() throws Exception {
        append("events.jsonl", "{\"seq\":1,\"month\":0}\n");
        append("calls.jsonl", "{\"seq\":1}\n");

        assertThat(checkpoint().restore("state.json")).isEmpty();

        assertThat(Files.size(run.resolve("events.jsonl"))).isZero();
        assertThat(Files.size(run.resolve("calls.jsonl"))).isZero();
    }

    @Test
    void aLogShorterThanItsCheckpointIsReportedNamingTheFileAndTheFix() throws Exception {
        append("events.jsonl", "{\"seq\":1,\"month\":0}\n");
        checkpoint().commit("state.json", utf8("{\"month\":1}"));
        Files.writeString(run.resolve("events.jsonl"), "");

        assertThatThrownBy(() -> checkpoint().restore("state.json"))
                .hasMessageContaining(run.resolve("events.jsonl").toString())
                .hasMessageContaining("records were removed")
                .hasMessageContaining("delete the run folder");
    }
}
