package dev.polis.mindsearch.lucene;

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

    private Fields() {
    }

    /** Returns the analyzer: English, with stemming and stop words. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }
}
