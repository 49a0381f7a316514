package dev.polis.govsim.agent.llm.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agreed per-person limit from the framework model's answer.
 *
 * <p>As for harvests, the first run of digits after the first answer marker counts. Without a marker the
 * answer is read from its start, since the question ends by asking for the answer. {@code N/A}, or no digit,
 * means no limit was agreed. A number too large for an int is treated as no limit.
 */
public final class LimitParser {

    private static final Pattern MARKER = Pattern.compile("(?i)answer\\s*\\**\\s*:");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("(?i)\\bN/?A\\b");

    private LimitParser() {
    }

    /** Parses {@code answer}; never throws. */
    public static Optional<Integer> parse(String answer) {
        String text = answer == null ? "" : answer;
        Matcher marker = MARKER.matcher(text);
        String rest = marker.find() ? text.substring(marker.end()) : text;
        Matcher na = NOT_APPLICABLE.matcher(rest);
        Matcher digits = DIGITS.matcher(rest);
        if (!digits.find() || (na.find() && na.start() < digits.start())) {
            return Optional.empty();
        }
        String run = digits.group().replaceFirst("^0+(?=\\d)", "");
        if (run.length() > 9) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(run));
    }
}
