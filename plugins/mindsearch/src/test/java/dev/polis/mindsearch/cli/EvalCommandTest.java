package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.mindsearch.fixture.EvalScriptProvider;
import dev.polis.mindsearch.fixture.Polis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis mindsearch eval} through the real launcher on the fixture corpus's Lucene index with the scripted
 * model {@code evalscript:dev} ({@link dev.polis.mindsearch.fixture.EvalScript}), whose every figure is worked out
 * by hand below from the corpus, the script's plans and the dev QA set.
 */
@Timeout(120)
class EvalCommandTest {

    static final Path QA = Path.of("src/test/resources/eval/dev.jsonl");
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    private final Polis polis = new Polis();
    private Path index;

    @BeforeEach
    void buildIndex() {
        index = dir.resolve("index");
        assertThat(polis.run("index", MultiHopAskTest.CORPUS.toString(), "--output", index.toString()))
                .as(polis.both()).isZero();
    }

    private JsonNode eval(String... systems) throws IOException {
        assertThat(polis.run("mindsearch", "eval", QA.toString(), "--corpus", index.toString(), "--model",
                "evalscript:dev", "--date", "2026-01-01", "-o", dir.resolve("runs").toString(),
                "--systems", String.join(",", systems))).as(polis.both()).isZero();
        return new ObjectMapper().readTree(dir.resolve("runs/eval-dev/eval.json").toFile());
    }

    private static JsonNode system(JsonNode eval, String id) {
        for (JsonNode s : eval.path("systems")) {
            if (s.path("system").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no system " + id + " in " + eval);
    }

    @Test
    void mindSearchScoresEqualTheFiguresWorkedOutByHand() throws IOException {
        JsonNode ms = system(eval("mindsearch"), "mindsearch");

        assertThat(ms.path("questions").asInt()).isEqualTo(3);
        assertThat(ms.path("complete").asInt()).isEqualTo(3);
        // q1 "The river Osk" = gold "the river Osk"; q2 "Kellmouth" is wrong; q3 "It was first built in 1871."
        // against "1871": one common token of six predicted, F1 = 2 (1/6)(1) / (1/6 + 1) = 2/7
        assertThat(ms.path("exactMatch").asDouble()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(ms.path("f1").asDouble()).isCloseTo((1 + 0 + 2.0 / 7) / 3, within(EPS));
        assertThat(ms.path("contains").asDouble()).isCloseTo(2.0 / 3, within(EPS));
        // turns: q1 adds a node in turns 1 and 2 and the response node in 3; q2 and q3 one node, then the response
        assertThat(ms.path("plannerTurns").asDouble()).isCloseTo(7.0 / 3, within(EPS));
        assertThat(ms.path("nodes").asDouble()).isCloseTo(4.0 / 3, within(EPS));
        assertThat(ms.path("searches").asDouble()).isCloseTo(4.0 / 3, within(EPS));
        // surfaced: q1 "Zephyr telescope designer" {zephyr, ada-varn} + "Kellmouth river" {ada-varn, brennick,
        // kellmouth} = 4; q2 "Ada Varn optics" {ada-varn, brennick} = 2; q3 "Zephyr telescope built" {zephyr,
        // ada-varn, brennick} = 3; read: 2, 1, 1
        assertThat(ms.path("documentsSurfaced").asDouble()).isCloseTo(3.0, within(EPS));
        assertThat(ms.path("documentsRead").asDouble()).isCloseTo(4.0 / 3, within(EPS));
        // calls: planner turns + final answer + 3 per searcher: 3+1+6, 2+1+3, 2+1+3
        assertThat(ms.path("modelCalls").asDouble()).isCloseTo(22.0 / 3, within(EPS));
        // citations: q1 ada-varn (born in Kellmouth) and kellmouth (river Osk) support; q2 ada-varn supports;
        // q3 cites brennick, not the supporting zephyr.md
        assertThat(ms.path("citations").asInt()).isEqualTo(4);
        assertThat(ms.path("citationPrecision").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(ms.path("wallSeconds").asDouble()).isPositive();
    }

    @Test
    void theBaselinesAreScoredWithTheSameComponents() throws IOException {
        JsonNode eval = eval("no-search", "react");

        JsonNode direct = system(eval, "no-search");
        // "Thames" is wrong, "Brennick" and "1871" right; one call, no search, nothing cited
        assertThat(direct.path("exactMatch").asDouble()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(direct.path("f1").asDouble()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(direct.path("modelCalls").asDouble()).isEqualTo(1.0);
        assertThat(direct.path("searches").asDouble()).isZero();
        assertThat(direct.path("citations").asInt()).isZero();
        assertThat(direct.path("citationPrecision").isNull()).isTrue();

        JsonNode react = system(eval, "react");
        // q1 stops at the first hop ("Kellmouth"); q2 "Brennick", q3 "1871" right; each cites a supporting source
        assertThat(react.path("exactMatch").asDouble()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(react.path("plannerTurns").asDouble()).isZero();
        assertThat(react.path("nodes").asDouble()).isEqualTo(1.0);
        assertThat(react.path("searches").asDouble()).isEqualTo(1.0);
        // "Zephyr telescope designer born" {zephyr, ada-varn}, "Ada Varn optics" 2, "Zephyr telescope first built" 3
        assertThat(react.path("documentsSurfaced").asDouble()).isCloseTo(7.0 / 3, within(EPS));
        assertThat(react.path("documentsRead").asDouble()).isEqualTo(1.0);
        assertThat(react.path("modelCalls").asDouble()).isEqualTo(3.0);
        assertThat(react.path("citations").asInt()).isEqualTo(3);
        assertThat(react.path("citationPrecision").asDouble()).isEqualTo(1.0);
    }

    @Test
    void eachQuestionIsRecordedInItsOwnRunFolderAndTheTableIsPrinted() throws IOException {
        eval("mindsearch", "react");

        Path q1 = dir.resolve("runs/eval-dev/mindsearch/q1");
        assertThat(q1.resolve("events.jsonl")).exists();
        assertThat(Polis.lines(q1.resolve("calls.jsonl"))).hasSize(10);
        assertThat(Files.readString(q1.resolve("answer.md"))).contains("The river Osk [[1]][[2]]",
                "[2] Kellmouth - local://corpus/places/kellmouth.html");
        JsonNode score = new ObjectMapper().readTree(q1.resolve("score.json").toFile());
        assertThat(score.path("answer").asText()).isEqualTo("The river Osk");
        assertThat(score.path("exactMatch").asDouble()).isEqualTo(1.0);
        assertThat(Polis.events(dir.resolve("runs/eval-dev/react/q3"), "mindsearch.node.done")).hasSize(1);
        assertThat(polis.out()).contains("system", "cite prec.", "mindsearch", "react");
        assertThat(polis.err()).contains("[mindsearch 1/3] q1: answered, EM 1, F1 1.00, 2 node(s)",
                "[react 3/3] q3: answered");
    }

    @Test
    void aResumedEvalRunsOnlyTheQuestionsWithoutAScore() throws IOException {
        JsonNode first = eval("mindsearch");
        Path runs = dir.resolve("runs/eval-dev/mindsearch");
        // q2 was cut short: its folder has records but no score
        Files.delete(runs.resolve("q2/score.json"));
        Files.writeString(runs.resolve("q2/events.jsonl"), "{\"broken\": ", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(runs.resolve("q1/kept.txt"), "q1 is not run again");
        EvalScriptProvider.CALLS.set(0);

        JsonNode second = eval("mindsearch");

        assertThat(EvalScriptProvider.CALLS.get()).as("q2's calls only: 2 planner turns, final, 3 searcher")
                .isEqualTo(6);
        assertThat(polis.err()).contains("q1: answered before, skipped", "q3: answered before, skipped",
                "[mindsearch 2/3] q2: answered");
        assertThat(runs.resolve("q1/kept.txt")).exists();
        assertThat(Polis.lines(runs.resolve("q2/events.jsonl"))).isNotEmpty();
        assertThat(system(second, "mindsearch").path("f1").asDouble())
                .isEqualTo(system(first, "mindsearch").path("f1").asDouble());
    }

    @Test
    void anEvalFolderOfAnotherModelIsNotResumed() throws IOException {
        eval("no-search");

        int status = polis.run("mindsearch", "eval", QA.toString(), "--index", index.toString(), "--model",
                "msscript:multihop", "-o", dir.resolve("runs").toString());

        assertThat(status).as(polis.both()).isEqualTo(2);
        assertThat(polis.err()).contains("holds an eval of another model", "--eval-id");
    }
}
