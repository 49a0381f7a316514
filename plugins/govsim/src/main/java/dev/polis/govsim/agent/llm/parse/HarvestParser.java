package dev.polis.govsim.agent.llm.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a harvest amount from a model's answer by the original GovSim rule.
 *
 * <p>The rule (spec §2.1): find the first answer marker ({@code Answer:}, {@code So, the answer is:} or
 * {@code **Answer**:}), then take the <em>first run of digits</em> after it. Nothing else is interpreted: a
 * sign is ignored ({@code -5} gives 5), a thousands separator ends the number ({@code 1,000} gives 1), a
 * fraction is cut ({@code 7.5} gives 7), and the value is not clamped to the pool. No marker, or no digit
 * after it, gives 0. Digits that do not fit an int give {@link Integer#MAX_VALUE}. Each case is reported
 * through {@link HarvestParseDetail}.
 */
public final class HarvestParser {

    /** The markers after which the answer is read, in the original's order. */
    public static final List<String> MARKERS = List.of("Answer:", "So, the answer is:", "**Answer**:");

    private static final Pattern MARKER = Pattern.compile(
            MARKERS.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow());
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern THOUSANDS_GROUP = Pattern.compile(",\\d{3}(?!\\d)");

    private HarvestParser() {
    }

    /** Parses {@code answer}; never throws. */
    public static HarvestParse parse(String answer) {
        String text = answer == null ? "" : answer;
        Matcher marker = MARKER.matcher(text);
        if (!marker.find()) {
            return new HarvestParse(0, HarvestParseDetail.NO_MARKER, text);
        }
        Matcher digits = DIGITS.matcher(text);
        if (!digits.find(marker.end())) {
            return new HarvestParse(0, HarvestParseDetail.NO_NUMBER, text);
        }
        String run = digits.group();
        int amount = toInt(run);
        HarvestParseDetail detail = amount == Integer.MAX_VALUE && !fits(run) ? HarvestParseDetail.TOO_LARGE
                : detailOf(text, digits.start(), digits.end());
        return new HarvestParse(amount, detail, text);
    }

    private static HarvestParseDetail detailOf(String text, int start, int end) {
        if (start > 0 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '\u2212')) {
            return HarvestParseDetail.SIGN_IGNORED;
        }
        if (THOUSANDS_GROUP.matcher(text).region(end, text.length()).lookingAt()) {
            return HarvestParseDetail.FIRST_DIGIT_GROUP;
        }
        if (end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(text.charAt(end + 1))) {
            return HarvestParseDetail.FRACTION_DROPPED;
        }
        return HarvestParseDetail.NUMBER;
    }

    private static int toInt(String digits) {
        return fits(digits) ? Integer.parseInt(digits) : Integer.MAX_VALUE;
    }

    private static boolean fits(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        return trimmed.length() < 10 || (trimmed.length() == 10 && trimmed.compareTo("2147483647") <= 0);
    }
}
