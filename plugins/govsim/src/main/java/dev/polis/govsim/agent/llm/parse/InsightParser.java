package dev.polis.govsim.agent.llm.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a reflection answer into insights.
 *
 * <p>The answer is a numbered list ({@code 1. ...}, {@code 2. ...}); a leading {@code 1.} is optional, as
 * the original primes the model with it. Items are split at the item numbers, each item ends at its first
 * {@code (} (where the evidence list "(because of 1, 5, 3)" starts), and blank items are dropped.
 */
public final class InsightParser {

    private static final Pattern ITEM_START = Pattern.compile("(?m)(?:^|\\s)\\d{1,2}\\.\\s+");

    private InsightParser() {
    }

    /** Parses {@code answer} into insights, in order; never throws. */
    public static List<String> parse(String answer) {
        String text = answer == null ? "" : answer.strip();
        List<String> insights = new ArrayList<>();
        for (String item : ITEM_START.split(text)) {
            int paren = item.indexOf('(');
            String insight = (paren >= 0 ? item.substring(0, paren) : item).strip();
            insight = insight.replaceAll("\\s+", " ");
            if (!insight.isEmpty()) {
                insights.add(insight);
            }
        }
        return List.copyOf(insights);
    }
}
