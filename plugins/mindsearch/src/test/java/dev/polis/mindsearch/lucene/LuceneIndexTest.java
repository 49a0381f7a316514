package dev.polis.mindsearch.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 'polis index' puts in the index and what search.lucene gives back, on small corpora written by the tests. */
class LuceneIndexTest {

    @TempDir
    Path dir;

    private Path corpus(String... namesAndTexts) throws IOException {
        Path corpus = dir.resolve("corpus");
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            Path file = corpus.resolve(namesAndTexts[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndTexts[i + 1]);
        }
        return corpus;
    }

    private SearchBackend open(Path index) {
        return new LuceneBackend(index);
    }

    @Test
    void htmlPagesAreIndexedAsTheirReadableTextWithoutScriptsStylesOrNavigation() throws IOException {
        Path corpus = corpus("page.html", "<html><head><title>Glass</title><script>var secret='zanzibar';</script>"
                + "<style>.x{}</style></head><body><nav>menu quokka</nav><p>Glass is made from sand.</p></body></html>");
        LuceneIndexer.build(corpus, dir.resolve("index"), 200);

        try (SearchBackend backend = open(dir.resolve("index"))) {
            assertThat(backend.search(SearchRequest.of("zanzibar", 5))).as("script text").isEmpty();
            assertThat(backend.search(SearchRequest.of("quokka", 5))).as("navigation text").isEmpty();
            List<SearchHit> hits = backend.search(SearchRequest.of("sand", 5));
            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.id()).isEqualTo("page.html");
                assertThat(hit.title()).isEqualTo("Glass");
                assertThat(hit.url()).isEqualTo("local://corpus/page.html");
            });
        }
    }

    @Test
    void aLongDocumentIsCutIntoPassagesAndFetchedWholeInOrder() throws IOException {
        StringBuilder text = new StringBuilder("# Long\n\n");
        for (int i = 0; i < 30; i++) {
            text.append("Paragraph ").append(i).append(" talks about word").append(i).append(" and more filler text here.\n\n");
        }
        IndexMeta meta = LuceneIndexer.build(corpus("long.md", text.toString()), dir.resolve("index"), 40);

        assertThat(meta.documents()).isEqualTo(1);
        assertThat(meta.passages()).isGreaterThan(5);
        try (SearchBackend backend = open(dir.resolve("index"))) {
            SearchHit hit = backend.search(SearchRequest.of("word29", 5)).getFirst();
            assertThat(hit.snippet()).contains("word29").doesNotContain("word0 ");
            Page page = backend.fetch(FetchRequest.of("long.md")).getFirst();
            assertThat(page.text()).contains("word0 ", "word29");
            assertThat(page.text().indexOf("word3 ")).isLessThan(page.text().indexOf("word17 "));
        }
    }

    @Test
    void severalQueriesAreMergedByDocument() throws IOException {
        LuceneIndexer.build(corpus("a.txt", "Apples grow on trees.\n\nApples are red.", "b.txt", "Bananas are yellow."),
                dir.resolve("index"), 200);

        try (SearchBackend backend = open(dir.resolve("index"))) {
            List<SearchHit> hits = backend.search(new SearchRequest(List.of("apples", "red apples", "bananas"), 5));
            assertThat(hits).extracting(SearchHit::id).containsExactlyInAnyOrder("a.txt", "b.txt");
        }
    }

    @Test
    void hiddenFilesAndOtherExtensionsAreLeftOut() throws IOException {
        IndexMeta meta = LuceneIndexer.build(corpus("a.md", "# A\n\ntext", ".git/b.md", "hidden", "c.pdf", "binary",
                "d.json", "{}"), dir.resolve("index"), 200);

        assertThat(meta.documents()).isEqualTo(1);
    }

    @Test
    void aFolderThatIsNotAnIndexIsNeitherReadNorOverwritten() throws IOException {
        Path other = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(other.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> open(other)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a Polis search index").hasMessageContaining("polis index");
        assertThatThrownBy(() -> LuceneIndexer.build(corpus("a.md", "# A\n\ntext"), other, 200))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("other files in it");
        assertThat(other.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void aDamagedIndexIsReportedWithTheFixNotAStackTrace() throws IOException {
        Path index = dir.resolve("index");
        LuceneIndexer.build(corpus("a.md", "# A\n\ntext"), index, 200);
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals(IndexMeta.FILE)).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }

        assertThatThrownBy(() -> open(index)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be read").hasMessageContaining("rebuild it with 'polis index");
    }

    @Test
    void anEmptyCorpusOrAMissingFolderIsTheUsersMistake() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> LuceneIndexer.build(empty, dir.resolve("i1"), 200))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no txt, md or html file");
        assertThatThrownBy(() -> LuceneIndexer.build(dir.resolve("nope"), dir.resolve("i2"), 200))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    }
}
