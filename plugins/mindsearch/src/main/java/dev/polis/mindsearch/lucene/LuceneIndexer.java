package dev.polis.mindsearch.lucene;

import dev.polis.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a BM25 passage index from a corpus folder: each document is cut into passages of at most
 * {@code passageWords} words, each passage indexed with the document's id, title and URL.
 */
public final class LuceneIndexer {

    private LuceneIndexer() {
    }

    /**
     * Indexes the documents of {@code corpus} into {@code output}, replacing an index there; documents are read and
     * indexed one at a time, so the corpus never has to fit in memory.
     *
     * @param done told the number of files handled so far, after each file
     * @throws InvalidInputException when the corpus has no readable document, or {@code output} is a non-empty
     *                               folder that is not a Polis index (it is never overwritten)
     */
    public static IndexMeta build(Path corpus, Path output, int passageWords, LongConsumer done) {
        if (passageWords < 20) {
            throw new InvalidInputException("--passage-words must be at least 20 but was " + passageWords);
        }
        List<Path> files = CorpusReader.files(corpus);
        if (files.isEmpty()) {
            throw new InvalidInputException("corpus folder " + corpus + " has no txt, md or html file with text");
        }
        checkOutput(output);
        int documents = 0;
        int passages = 0;
        try {
            Files.createDirectories(output);
            try (Analyzer analyzer = Fields.analyzer(); FSDirectory dir = FSDirectory.open(output);
                 IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
                         .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
                long handled = 0;
                for (Path file : files) {
                    SourceDocument doc = CorpusReader.read(corpus, file);
                    List<String> parts = doc.text().isBlank() ? List.of() : Paragraphs.passages(doc.text(), passageWords);
                    for (int i = 0; i < parts.size(); i++) {
                        writer.addDocument(passage(doc, i, parts.get(i)));
                    }
                    documents += parts.isEmpty() ? 0 : 1;
                    passages += parts.size();
                    done.accept(++handled);
                }
                writer.commit();
            }
            if (documents == 0) {
                throw new InvalidInputException("corpus folder " + corpus + " has no txt, md or html file with text");
            }
            IndexMeta meta = new IndexMeta(IndexMeta.FORMAT, corpus.toAbsolutePath().normalize().toString(),
                    documents, passages, passageWords);
            meta.write(output);
            return meta;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the index into " + output + ": " + e.getMessage(), e);
        }
    }

    /** Indexes {@code corpus} into {@code output} without reporting progress. */
    public static IndexMeta build(Path corpus, Path output, int passageWords) {
        return build(corpus, output, passageWords, n -> { });
    }

    /** Returns the number of files {@link #build} will read from {@code corpus}. */
    public static int count(Path corpus) {
        return CorpusReader.files(corpus).size();
    }

    private static Document passage(SourceDocument doc, int number, String text) {
        Document passage = new Document();
        passage.add(new StringField(Fields.DOC, doc.id(), Field.Store.YES));
        passage.add(new StoredField(Fields.PASSAGE, number));
        passage.add(new TextField(Fields.TITLE, doc.title(), Field.Store.YES));
        passage.add(new TextField(Fields.BODY, text, Field.Store.YES));
        passage.add(new StoredField(Fields.URL, doc.url()));
        return passage;
    }

    private static void checkOutput(Path output) {
        if (Files.isRegularFile(output)) {
            throw new InvalidInputException("--output " + output + " is a file; give a folder for the index");
        }
        if (Files.isDirectory(output) && !IndexMeta.present(output)) {
            try (Stream<Path> entries = Files.list(output)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidInputException("--output " + output + " is a folder with other files in it and"
                            + " no polis-index.json; give an empty or new folder (an existing index is replaced)");
                }
            } catch (IOException e) {
                throw new InvalidInputException("--output " + output + " cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
