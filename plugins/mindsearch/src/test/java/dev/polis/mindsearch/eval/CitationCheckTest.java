package dev.polis.mindsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.mindsearch.cite.Reference;
import dev.polis.mindsearch.cite.Source;
import dev.polis.mindsearch.fixture.MemoryBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Citation precision: which cited sources count as supporting, by id, URL or a supporting fact in their text. */
class CitationCheckTest {

    private final MemoryBackend backend = new MemoryBackend()
            .add("people/ada.md", "Ada Varn", "Ada Varn was born in Kellmouth. She studied optics in Brennick.")
            .add("places/osk.md", "Osk", "The Osk rises in the Dunmoor hills.");

    private static Reference cite(int n, String key, String snippet) {
        return new Reference(n, new Source(key, "mem://" + key, key, snippet, "node"));
    }

    @Test
    void aFactIsLookedForInTheWholeFetchedDocumentNotOnlyInItsSnippet() {
        CitationCheck.Result result = CitationCheck.check(List.of(cite(1, "people/ada.md", "Ada Varn was born")),
                List.of("she studied OPTICS in Brennick!"), backend);

        assertThat(result).isEqualTo(new CitationCheck.Result(1, 1));
    }

    @Test
    void aSourceListedByIdOrUrlSupportsWhateverItsText() {
        CitationCheck.Result result = CitationCheck.check(List.of(cite(1, "places/osk.md", ""),
                cite(2, "people/ada.md", "")), List.of("mem://places/osk.md", "a fact nobody wrote"), backend);

        assertThat(result).isEqualTo(new CitationCheck.Result(2, 1));
    }

    @Test
    void factsMatchWholeTokensAndADocumentTheBackendCannotFetchIsJudgedByItsSnippet() {
        assertThat(CitationCheck.check(List.of(cite(1, "people/ada.md", "")), List.of("born in Kell"), backend))
                .as("'Kell' is not the token 'Kellmouth'").isEqualTo(new CitationCheck.Result(1, 0));
        assertThat(CitationCheck.check(List.of(cite(1, "web/page", "The Osk is a river.")),
                List.of("osk is a river"), backend)).isEqualTo(new CitationCheck.Result(1, 1));
    }
}
