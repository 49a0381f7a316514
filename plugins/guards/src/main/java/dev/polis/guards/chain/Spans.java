package dev.polis.guards.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.guards.detect.Detection;
import dev.polis.guards.detect.InjectionRules;
import dev.polis.guards.detect.RuleHit;
import dev.polis.guards.prompt.ReservedTokens;
import dev.polis.guards.prompt.Span;
import dev.polis.guards.text.Normaliser;

/**
 * Lists the stretches of a message that made guards act, for the event record: reserved tokens (offsets into the
 * message) and rule matches (offsets into the normalised text the injection guard scanned, marked
 * {@code normalised: true}). The rule matches are the injection detector's own, when one ran: a flagged message is
 * not scanned a second time.
 */
final class Spans {

    private Spans() {
    }

    /**
     * Returns the spans of {@code content}: its reserved tokens, and the rule matches of {@code detection} or, when
     * no injection guard scanned it ({@code null}), of its normalised text scanned sentence by sentence.
     */
    static List<Map<String, Object>> of(String content, Detection detection) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Span s : ReservedTokens.neutralise(content).spans()) {
            out.add(span(s.start(), s.end(), s.what(), s.text(), false));
        }
        List<RuleHit> hits = detection != null ? detection.spans()
                : InjectionRules.scanSentences(Normaliser.clean(content));
        for (RuleHit hit : hits) {
            out.add(span(hit.start(), hit.end(), hit.rule(), hit.text(), true));
        }
        return out;
    }

    private static Map<String, Object> span(int start, int end, String what, String text, boolean normalised) {
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("start", start);
        span.put("end", end);
        span.put("what", what);
        span.put("text", text);
        span.put("normalised", normalised);
        return span;
    }
}
