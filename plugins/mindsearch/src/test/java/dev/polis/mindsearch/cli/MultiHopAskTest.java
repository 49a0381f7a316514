package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.mindsearch.fixture.MultiHopScript;
import dev.polis.mindsearch.fixture.Polis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis index} and {@code polis mindsearch ask} through the real launcher on the fixture corpus: a two-hop
 * question whose second sub-question names what the first one found, answered with citations mapped to their
 * sources, recorded as it goes and played back through {@code replay:}.
 */
@Timeout(120)
class MultiHopAskTest {

    static final Path CORPUS = Path.of("src/test/resources/corpus");

    @TempDir
    Path dir;

    private final Polis polis = new Polis();
    private Path index;

    @BeforeEach
    void buildIndex() {
        index = dir.resolve("index");
        assertThat(polis.run("index", CORPUS.toString(), "--output", index.toString())).as(polis.both()).isZero();
        assertThat(polis.out()).contains("indexed 4 document(s)");
    }

    private Path ask(String model, String runId, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("mindsearch", "ask", MultiHopScript.QUESTION,
                "--index", index.toString(), "--model", model, "--date", "2026-01-01",
                "-o", dir.resolve("runs").toString(), "--run-id", runId));
        args.addAll(List.of(extra));
        assertThat(polis.run(args.toArray(String[]::new))).as(polis.both()).isZero();
        return dir.resolve("runs").resolve(runId);
    }

    @Test
    void aTwoHopQuestionIsAnsweredWithEachCitationMappedToItsSource() throws IOException {
        Path run = ask("msscript:multihop", "r1");

        assertThat(polis.out()).contains("The designer of the Zephyr telescope was born in Kellmouth [[1]], and the"
                + " river Osk flows through Kellmouth [[2]].");
        assertThat(polis.out()).contains("[1] Ada Varn - local://corpus/people/ada-varn.md",
                "[2] Kellmouth - local://corpus/places/kellmouth.html");
        assertThat(Files.readString(run.resolve("answer.md"))).contains("[[2]]", "[2] Kellmouth");
    }

    @Test
    void theSecondHopAsksAboutWhatTheFirstFoundAndGetsItsParentsAnswer() throws IOException {
        Path run = ask("msscript:multihop", "r1");

        List<JsonNode> added = Polis.events(run, "mindsearch.node.added");
        assertThat(added).extracting(e -> e.path("node").asText()).containsExactly("inventor", "river");
        assertThat(added.get(1).path("question").asText()).isEqualTo("Which river flows through Kellmouth?");
        assertThat(added.get(1).path("turn").asInt()).isEqualTo(2);
        List<JsonNode> starts = Polis.events(run, "mindsearch.node.start");
        assertThat(starts.get(1).path("parents").asInt()).as("answered parents given to 'river'").isEqualTo(1);
        assertThat(polis.err()).contains("planner turn 1", "+ river: Which river flows through Kellmouth?");
    }

    @Test
    void theRunFolderHoldsEventsCallsAndMetrics() throws IOException {
        Path run = ask("msscript:multihop", "r1");

        List<JsonNode> calls = Polis.lines(run.resolve("calls.jsonl"));
        // three planner turns and the final answer; two searchers of three calls each (search, select, answer)
        assertThat(calls.size()).isEqualTo(4 + 2 * 3);
        assertThat(calls).extracting(c -> c.path("request").path("metadata").path("agent").asText())
                .containsOnly("planner", "searcher/inventor", "searcher/river");
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertThat(metrics.path("nodes").asDouble()).isEqualTo(2);
        assertThat(metrics.path("plannerTurns").asDouble()).isEqualTo(3);
        assertThat(metrics.path("citations").asDouble()).isEqualTo(2);
        assertThat(Polis.events(run, "mindsearch.answer").getFirst().path("complete").asBoolean()).isTrue();
    }

    @Test
    void theRecordedRunPlaysBackThroughReplay() throws IOException {
        Path first = ask("msscript:multihop", "r1");
        String answer = polis.out();

        ask("replay:" + first.resolve("calls.jsonl"), "r2");

        assertThat(polis.out()).isEqualTo(answer);
    }
}
