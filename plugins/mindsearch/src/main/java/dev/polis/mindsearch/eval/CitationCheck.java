package dev.polis.mindsearch.eval;

import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.mindsearch.cite.Reference;
import java.util.List;

/**
 * Citation precision of one answer: a cited source supports the answer when the QA item lists its id or URL among
 * the supporting entries, or when its text contains a supporting fact (both normalised as {@link AnswerScore} does,
 * matched on whole tokens). The text is the document as the searcher reads it ({@code fetch}: its passages in
 * order), or the search snippet when the backend cannot fetch it: the Lucene backend groups passages by document,
 * so "the cited passage" is the cited document here.
 */
public final class CitationCheck {

    private CitationCheck() {
    }

    /**
     * The outcome for one answer.
     *
     * @param cited     the sources the final answer cites
     * @param supported how many of them hold a supporting fact or are listed as supporting
     */
    public record Result(int cited, int supported) { }

    /** Checks the final answer's references against {@code supporting}. */
    public static Result check(List<Reference> references, List<String> supporting, SearchBackend backend) {
        int supported = 0;
        for (Reference reference : references) {
            if (supports(reference, supporting, backend)) {
                supported++;
            }
        }
        return new Result(references.size(), supported);
    }

    private static boolean supports(Reference reference, List<String> supporting, SearchBackend backend) {
        String key = reference.source().key();
        String url = reference.source().url();
        if (supporting.contains(key) || supporting.contains(url)) {
            return true;
        }
        String text = reference.source().snippet();
        try {
            List<Page> pages = backend.fetch(FetchRequest.of(key));
            if (!pages.isEmpty()) {
                text = pages.getFirst().title() + "\n" + pages.getFirst().text();
            }
        } catch (RuntimeException e) {
            // the snippet the search showed stands in for a document the backend cannot fetch again
        }
        String haystack = " " + AnswerScore.normalize(text) + " ";
        return supporting.stream().map(AnswerScore::normalize)
                .anyMatch(fact -> !fact.isEmpty() && haystack.contains(" " + fact + " "));
    }
}
