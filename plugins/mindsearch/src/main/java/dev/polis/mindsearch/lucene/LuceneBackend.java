package dev.polis.mindsearch.lucene;

import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches a {@link LuceneIndexer} index with BM25 (Lucene's default similarity): each query's words are matched
 * against passage text and, at half weight, titles; passages are grouped by document (a document's best passage is
 * its snippet and score), queries merged by document keeping the best score. Thread-safe.
 */
final class LuceneBackend implements SearchBackend {

    private static final int SNIPPET_CHARS = 400;

    private final Path folder;
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = Fields.analyzer();
    private volatile boolean closed;

    LuceneBackend(Path folder) {
        IndexMeta.read(folder);
        this.folder = folder;
        FSDirectory dir = null;
        try {
            dir = FSDirectory.open(folder);
            this.reader = DirectoryReader.open(dir);
            this.directory = dir;
        } catch (IOException | RuntimeException e) {
            closeQuietly(dir);
            throw new InvalidInputException("the search index in " + folder + " cannot be read (" + e.getClass()
                    .getSimpleName() + ": " + e.getMessage() + "); it is damaged or incomplete: rebuild it with"
                    + " 'polis index <corpus folder> --output " + folder + "'", e);
        }
        this.searcher = new IndexSearcher(reader);
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        Map<String, SearchHit> merged = new LinkedHashMap<>();
        for (String query : request.queries()) {
            for (SearchHit hit : searchOne(query, request.limit())) {
                merged.merge(hit.id(), hit, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        return merged.values().stream().sorted(Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparing(SearchHit::id)).toList();
    }

    private List<SearchHit> searchOne(String query, int limit) {
        List<String> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String term : terms) {
            q.add(new TermQuery(new Term(Fields.BODY, term)), BooleanClause.Occur.SHOULD);
            q.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, term)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        Map<String, SearchHit> best = new LinkedHashMap<>();
        try {
            for (ScoreDoc sd : searcher.search(q.build(), Math.max(50, limit * 20)).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                String id = d.get(Fields.DOC);
                if (!best.containsKey(id)) {
                    best.put(id, new SearchHit(id, d.get(Fields.URL), d.get(Fields.TITLE), snippet(d.get(Fields.BODY)),
                            sd.score));
                    if (best.size() == limit) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return new ArrayList<>(best.values());
    }

    @Override
    public List<Page> fetch(FetchRequest request) {
        List<Page> pages = new ArrayList<>();
        try {
            for (String id : request.ids()) {
                TermQuery q = new TermQuery(new Term(Fields.DOC, id));
                int count = searcher.count(q);
                if (count == 0) {
                    continue;
                }
                TreeMap<Integer, String> passages = new TreeMap<>();
                String title = "";
                String url = "";
                for (ScoreDoc sd : searcher.search(q, count).scoreDocs) {
                    Document d = searcher.storedFields().document(sd.doc);
                    passages.put(d.getField(Fields.PASSAGE).numericValue().intValue(), d.get(Fields.BODY));
                    title = d.get(Fields.TITLE);
                    url = d.get(Fields.URL);
                }
                pages.add(new Page(id, url, title, String.join("\n\n", passages.values())));
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return pages;
    }

    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                if (!terms.contains(t)) {
                    terms.add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw failure(e);
        }
        return terms;
    }

    private static String snippet(String passage) {
        if (passage.length() <= SNIPPET_CHARS) {
            return passage;
        }
        int cut = passage.lastIndexOf(' ', SNIPPET_CHARS);
        return passage.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " ...";
    }

    private PolisException failure(IOException e) {
        return new PolisException("reading the search index in " + folder + " failed: " + e.getMessage()
                + "; rebuild it with 'polis index'", e);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            reader.close();
        } catch (IOException e) {
            // closing a read-only reader: nothing to save
        }
        analyzer.close();
        closeQuietly(directory);
    }

    private static void closeQuietly(FSDirectory dir) {
        if (dir != null) {
            try {
                dir.close();
            } catch (IOException e) {
                // nothing was written
            }
        }
    }
}
