package dev.polis.guards.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading leak suites, and the errors a line in the wrong shape gives. */
class LeakSuiteTest {

    private static final String GOOD = "{\"id\":\"a\",\"system\":\"Be kind.\",\"canaries\":[\"X-1\"],\"output\":\"X-1\","
            + "\"leak\":true,\"kind\":\"canary\"}";

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        return Files.writeString(dir.resolve("leaks.jsonl"), String.join("\n", lines) + "\n");
    }

    private void rejected(String line, String why) throws Exception {
        Path f = file(GOOD, line);
        assertThatThrownBy(() -> LeakSuite.read(f)).isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining(f + ":2: ").hasMessageContaining(why);
    }

    @Test
    void aWellFormedFileGivesItsCasesWithWhereTheyCameFrom() throws Exception {
        Path f = file(GOOD, "", "{\"id\":\"b\",\"system\":\"Be kind.\",\"output\":\"Hello!\",\"leak\":false,"
                + "\"kind\":\"none\"}");
        List<LeakCase> cases = LeakSuite.read(f);
        assertThat(cases).extracting(LeakCase::id).containsExactly("a", "b");
        assertThat(cases.get(0).canaries()).containsExactly("X-1");
        assertThat(cases.get(0).kind()).isEqualTo(LeakCase.Kind.CANARY);
        assertThat(cases.get(1).leak()).isFalse();
        assertThat(cases.get(1).canaries()).isEmpty();
        assertThat(cases.get(1).where()).isEqualTo(f + ":3");
    }

    @Test
    void aMissingOutputNamesTheField() throws Exception {
        rejected("{\"id\":\"b\",\"system\":\"s\",\"leak\":false,\"kind\":\"none\"}",
                "field 'output': expected a non-empty text but found nothing (the field is missing)");
    }

    @Test
    void aLeakWrittenAsTextNamesTheFieldAndTheFix() throws Exception {
        rejected("{\"id\":\"b\",\"system\":\"s\",\"output\":\"o\",\"leak\":\"yes\",\"kind\":\"none\"}",
                "field 'leak': expected true or false (without quotes) but found the text \"yes\"");
    }

    @Test
    void anUnknownKindNamesTheKindsThereAre() throws Exception {
        rejected("{\"id\":\"b\",\"system\":\"s\",\"output\":\"o\",\"leak\":true,\"kind\":\"summary\"}",
                "field 'kind': must be verbatim, canary, paraphrase or none but was 'summary'");
    }

    @Test
    void aKindThatContradictsTheLeakFlagIsAnError() throws Exception {
        rejected("{\"id\":\"b\",\"system\":\"s\",\"output\":\"o\",\"leak\":false,\"kind\":\"verbatim\"}",
                "field 'kind': 'verbatim' contradicts \"leak\": false");
    }

    @Test
    void aCanaryCaseWithoutCanariesIsAnError() throws Exception {
        rejected("{\"id\":\"b\",\"system\":\"s\",\"output\":\"o\",\"leak\":true,\"kind\":\"canary\"}",
                "field 'canaries': a case of kind canary needs the canary tokens it leaks");
    }

    @Test
    void canariesThatAreNotAListOfTextsAreAnError() throws Exception {
        rejected("{\"id\":\"b\",\"system\":\"s\",\"canaries\":\"X-1\",\"output\":\"o\",\"leak\":false,\"kind\":\"none\"}",
                "field 'canaries': expected a list of texts");
        rejected("{\"id\":\"b\",\"system\":\"s\",\"canaries\":[3],\"output\":\"o\",\"leak\":false,\"kind\":\"none\"}",
                "field 'canaries': every entry must be a non-empty text but found number 3");
    }

    @Test
    void anUnknownFieldOrARepeatedIdIsAnError() throws Exception {
        rejected("{\"id\":\"b\",\"system\":\"s\",\"output\":\"o\",\"leak\":false,\"kind\":\"none\",\"label\":\"x\"}",
                "unknown field 'label'");
        rejected(GOOD, "field 'id': 'a' is used by an earlier line");
    }

    @Test
    void aLineThatIsNotJsonNamesTheLine() throws Exception {
        rejected("{\"id\":", "not a JSON object");
    }

    @Test
    void theShippedSuitesAreWellFormed() {
        assertThat(LeakSuite.read(Path.of("data/leaks-handwritten.jsonl"))).hasSize(99);
        assertThat(LeakSuite.read(Path.of("data/leaks-probe.jsonl"))).hasSize(40);
    }
}
