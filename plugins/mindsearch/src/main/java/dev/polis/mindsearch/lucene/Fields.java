package dev.polis.mindsearch.lucene;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The names of the index's fields and the analyzer both the indexer and the backend use. */
final class Fields {

    /** The document's id (its relative path), not analysed. */
    static final String DOC = "doc";
    /** The passage's position in its document, from 0. */
    static final String PASSAGE = "passage";
    /** The document's title, analysed and stored. */
    static final String TITLE = "title";
    /** The passage's text, analysed and stored. */
    static final String BODY = "body";
    /** The document's URL, stored only. */
    static final String URL = "url";

    /**
     * Lucene logs through java.util.logging, once per process, that the JDK's vector module is not enabled; the
     * plugin cannot enable it and the line only clutters the CLI's output, so that logger is kept to warnings of
     * real trouble. The reference keeps the setting from being garbage-collected.
     */
    private static final Logger VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        VECTORIZATION.setLevel(Level.SEVERE);
    }

    private Fields() {
    }

    /** Returns the analyzer: English, with stemming and stop words. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }
}
