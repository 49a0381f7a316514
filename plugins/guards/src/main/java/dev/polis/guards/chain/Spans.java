package dev.polis.guards.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.guards.detect.InjectionRules;
import dev.polis.guards.detect.RuleHit;
import dev.polis.guards.prompt.ReservedTokens;
import dev.polis.guards.prompt.Span;
import dev.polis.guards.text.Normaliser;

/**
 * Lists the stretches of a message that made guards act, for the event record: reserved tokens (offsets into the
 * message) and rule matches (offsets into its normalised text, marked {@code normalised: true}).
 */
final class Spans {

    private Spans() {
    }

    static List<Map<String, Object>> of(String content) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Span s : ReservedTokens.neutralise(content).spans()) {
            out.add(span(s.start(), s.end(), s.what(), s.text(), false));
        }
        for (RuleHit hit : InjectionRules.scan(Normaliser.clean(content))) {
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
