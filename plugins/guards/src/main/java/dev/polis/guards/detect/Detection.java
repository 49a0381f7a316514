package dev.polis.guards.detect;

import java.util.List;

/**
 * What the injection detector found in one text.
 *
 * @param score    the probability that the text carries an instruction aimed at the assistant, in [0, 1]
 * @param passage  the passage that scored highest (normalised, possibly decoded)
 * @param hits     the rule matches in that passage's view (offsets are into the scanned view)
 * @param findings what the normaliser uncovered (encodings, invisible or tag characters)
 * @param spans    every rule match in the normalised text, sentence by sentence, with offsets into that text (the
 *                 hits the score was computed from, kept for the chain's event record so that it need not scan
 *                 the message again)
 */
public record Detection(double score, String passage, List<RuleHit> hits, List<String> findings,
                        List<RuleHit> spans) {

    /** Copies the lists. */
    public Detection {
        hits = List.copyOf(hits);
        findings = List.copyOf(findings);
        spans = List.copyOf(spans);
    }

    /** Returns the names of the rule families that matched, without repeats. */
    public List<String> families() {
        return hits.stream().map(RuleHit::rule).distinct().toList();
    }
}
