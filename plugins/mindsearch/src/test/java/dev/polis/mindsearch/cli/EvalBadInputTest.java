package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.mindsearch.fixture.Polis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code polis mindsearch eval} refuses bad QA files and options with exit 2, naming the file, line and field. */
@Timeout(120)
class EvalBadInputTest {

    @TempDir
    Path dir;

    private final Polis polis = new Polis();
    private Path index;

    @BeforeEach
    void buildIndex() {
        index = dir.resolve("index");
        assertThat(polis.run("index", MultiHopAskTest.CORPUS.toString(), "--output", index.toString())).isZero();
    }

    private int eval(String qa, String... extra) throws IOException {
        Path file = dir.resolve("qa.jsonl");
        Files.writeString(file, qa);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("mindsearch", "eval",
                file.toString(), "--index", index.toString(), "--model", "evalscript:dev", "-o",
                dir.resolve("runs").toString()));
        args.addAll(java.util.List.of(extra));
        return polis.run(args.toArray(String[]::new));
    }

    private static final String GOOD = "{\"id\": \"a\", \"question\": \"Q?\", \"answers\": [\"x\"], \"supporting\": []}\n";

    @Test
    void aLineThatIsNotJsonNamesTheFileAndLine() throws IOException {
        assertThat(eval(GOOD + "\n{\"id\": \"b\", \"question\": \n")).isEqualTo(2);
        assertThat(polis.err()).contains("qa.jsonl:3: not JSON");
        assertThat(polis.err()).doesNotContain("Exception\n\tat ");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        assertThat(eval(GOOD + "{\"id\": \"b\", \"question\": \"Q?\", \"supporting\": []}\n")).isEqualTo(2);
        assertThat(polis.err()).contains("qa.jsonl:2: field 'answers' is missing");
    }

    @Test
    void answersThatAreNotAListOfStringsAreRefused() throws IOException {
        assertThat(eval("{\"id\": \"b\", \"question\": \"Q?\", \"answers\": \"x\", \"supporting\": []}\n"))
                .isEqualTo(2);
        assertThat(polis.err()).contains("qa.jsonl:1: field 'answers' must be an array of strings");
        assertThat(eval("{\"id\": \"b\", \"question\": \"Q?\", \"answers\": [], \"supporting\": []}\n")).isEqualTo(2);
        assertThat(polis.err()).contains("qa.jsonl:1: field 'answers' is empty");
        assertThat(eval("{\"id\": \"b\", \"question\": \"Q?\", \"answers\": [\"x\"], \"supporting\": [3]}\n"))
                .isEqualTo(2);
        assertThat(polis.err()).contains("field 'supporting' must hold non-empty strings only, but holds 3");
    }

    @Test
    void anIdThatCannotNameAFolderOrRepeatsIsRefused() throws IOException {
        assertThat(eval("{\"id\": \"../x\", \"question\": \"Q?\", \"answers\": [\"x\"], \"supporting\": []}\n"))
                .isEqualTo(2);
        assertThat(polis.err()).contains("qa.jsonl:1: field 'id' is '../x'");
        assertThat(eval(GOOD + GOOD)).isEqualTo(2);
        assertThat(polis.err()).contains("qa.jsonl:2: field 'id' repeats 'a'");
    }

    @Test
    void anEmptyOrMissingFileAndAnUnknownSystemAreRefused() throws IOException {
        assertThat(eval("\n\n")).isEqualTo(2);
        assertThat(polis.err()).contains("holds no question");
        assertThat(polis.run("mindsearch", "eval", dir.resolve("none.jsonl").toString(), "--index",
                index.toString(), "--model", "evalscript:dev")).isEqualTo(2);
        assertThat(polis.err()).contains("none.jsonl cannot be read");
        assertThat(eval(GOOD, "--system", "perplexity")).isEqualTo(2);
        assertThat(polis.err()).contains("--system must be one of [mindsearch, no-search, react] but was 'perplexity'");
        assertThat(Files.exists(dir.resolve("runs"))).as("nothing ran").isFalse();
    }
}
