package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.mindsearch.fixture.MultiHopScript;
import dev.polis.mindsearch.fixture.Polis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends with a clear message: the user's mistakes (no index, a missing, foreign or damaged index, a bad
 * option) exit with 2 and no stack trace; a planner that never answers exits with 1 after recording an error event
 * and printing the partial answer.
 */
@Timeout(120)
class AskErrorsTest {

    @TempDir
    Path dir;

    private final Polis polis = new Polis();

    private int ask(String... extra) {
        String[] base = {"mindsearch", "ask", MultiHopScript.QUESTION, "--model", "msscript:multihop",
            "-o", dir.resolve("runs").toString(), "--run-id", "r"};
        return polis.run(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private Path index() {
        Path index = dir.resolve("index");
        assertThat(polis.run("index", MultiHopAskTest.CORPUS.toString(), "-o", index.toString())).isZero();
        return index;
    }

    @Test
    void aQuestionWithoutAnIndexSaysHowToBuildOne() {
        assertThat(ask()).isEqualTo(2);
        assertThat(polis.err()).contains("--index is missing", "polis index <corpus folder>").doesNotContain("\tat ");
    }

    @Test
    void aMissingIndexFolderIsNamed() {
        assertThat(ask("--index", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(polis.err()).contains("index folder " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void aFolderThatIsNoIndexIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("plain"));

        assertThat(ask("--index", dir.resolve("plain").toString())).isEqualTo(2);
        assertThat(polis.err()).contains("is not a Polis search index");
    }

    @Test
    void aDamagedIndexAsksForARebuild() throws IOException {
        Path index = index();
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, "not a segments file".getBytes());
            }
        }

        assertThat(ask("--index", index.toString())).isEqualTo(2);
        assertThat(polis.err()).contains("damaged or incomplete", "rebuild it").doesNotContain("\tat ");
    }

    @Test
    void badOptionsNameTheOptionAndItsChoices() {
        Path index = index();

        assertThat(ask("--index", index.toString(), "--protocol", "python")).isEqualTo(2);
        assertThat(polis.err()).contains("--protocol must be one of [code, tools] but was 'python'");
        assertThat(ask("--index", index.toString(), "--timeout", "0")).isEqualTo(2);
        assertThat(polis.err()).contains("--timeout must be a positive number of seconds");
        assertThat(ask("--index", index.toString(), "--guard", "no.such-guard")).isEqualTo(2);
        assertThat(polis.err()).contains("no.such-guard");
    }

    @Test
    void aNodePastItsTimeLimitFailsAloneAndTheRunsRecordsStayWhole() throws IOException {
        Path index = index();

        int status = polis.run("mindsearch", "ask", "Q", "--model", "msscript:slow-node", "--index", index.toString(),
                "--node-timeout", "1", "-o", dir.resolve("runs").toString(), "--run-id", "r");

        assertThat(status).as(polis.both()).isZero();
        assertThat(polis.out()).contains("final answer");
        Path run = dir.resolve("runs/r");
        assertThat(Polis.events(run, "mindsearch.node.done")).extracting(e -> e.path("node").asText() + " "
                + e.path("status").asText() + " " + e.path("error").asText())
                .containsExactlyInAnyOrder("slow failed timed out after 1 s", "fast done ");
        assertThat(Polis.events(run, "mindsearch.answer")).hasSize(1);
        assertThat(Polis.lines(run.resolve("calls.jsonl"))).extracting(c -> c.path("request").path("metadata")
                .path("phase").asText()).contains("final");
    }

    @Test
    void helpNeedsNoRequiredOption() {
        assertThat(polis.run("mindsearch", "ask", "--help")).isZero();
        assertThat(polis.out()).contains("Usage: polis mindsearch ask", "--parent-context=fixed|original");
        assertThat(polis.run("mindsearch", "serve", "-h")).isZero();
        assertThat(polis.out()).contains("POST /solve");
    }

    @Test
    void serveChecksTheIndexBeforeListening() {
        assertThat(polis.run("mindsearch", "serve", "--model", "msscript:multihop", "--port", "0",
                "--index", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(polis.err()).contains("does not exist").doesNotContain("listening");
    }

    @Test
    void indexingAFolderThatDoesNotExistIsTheUsersMistake() {
        assertThat(polis.run("index", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(polis.err()).contains("corpus folder " + dir.resolve("missing") + " does not exist");
    }

    @Test
    void aPlannerThatNeverAnswersEndsWithItsPartialAnswerAndARecordedError() throws IOException {
        Path index = index();

        int status = polis.run("mindsearch", "ask", "Where was Ada Varn born?", "--model", "msscript:never-answers",
                "--index", index.toString(), "--max-turns", "3", "-o", dir.resolve("runs").toString(), "--run-id", "r");

        assertThat(status).as(polis.both()).isEqualTo(1);
        assertThat(polis.err()).contains("the planner gave no final answer", "after 3 turn(s)");
        assertThat(polis.out()).contains("(partial answer", "Ada Varn was born in Kellmouth");
        Path run = dir.resolve("runs/r");
        assertThat(Polis.events(run, "mindsearch.error")).singleElement()
                .satisfies(e -> assertThat(e.path("error").asText()).contains("no final answer"));
        assertThat(Polis.events(run, "mindsearch.node.added")).hasSize(3);
        assertThat(new ObjectMapper().readTree(run.resolve("run.json").toFile()).toString()).contains("failed");
        assertThat(run.resolve("answer.md")).content().contains("(partial answer");
    }
}
