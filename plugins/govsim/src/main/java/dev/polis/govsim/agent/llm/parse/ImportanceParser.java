package dev.polis.govsim.agent.llm.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an importance rating (1–10) from a model's answer.
 *
 * <p>The original constrains the model to one of "1".."10" and falls back to 5. Free-text models answer
 * "7", "Rating: 8/10" or "I would say 6", so the first number in the answer counts when it is a whole number
 * from 1 to 10; a number outside that range, a fraction ({@code 7.5}) or no number at all gives the default 5.
 */
public final class ImportanceParser {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?");

    private ImportanceParser() {
    }

    /** Parses {@code answer}; never throws. */
    public static ImportanceRating parse(String answer) {
        String text = answer == null ? "" : answer;
        Matcher matcher = NUMBER.matcher(text);
        if (!matcher.find()) {
            return new ImportanceRating(ImportanceRating.DEFAULT_SCORE, ImportanceRating.Outcome.NO_NUMBER, text);
        }
        String number = matcher.group();
        if (number.contains(".") || number.length() > 2) {
            return new ImportanceRating(ImportanceRating.DEFAULT_SCORE, ImportanceRating.Outcome.OUT_OF_RANGE, text);
        }
        int value = Integer.parseInt(number);
        return value >= 1 && value <= 10
                ? new ImportanceRating(value, ImportanceRating.Outcome.PARSED, text)
                : new ImportanceRating(ImportanceRating.DEFAULT_SCORE, ImportanceRating.Outcome.OUT_OF_RANGE, text);
    }
}
