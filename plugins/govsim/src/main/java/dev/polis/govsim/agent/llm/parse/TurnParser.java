package dev.polis.govsim.agent.llm.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a group-chat turn from a model's answer in the three-line format the turn prompt asks for.
 *
 * <p>The format is {@code Message: ...}, {@code Conversation over: yes|no}, {@code Next speaker: NAME}; the
 * original's labels ({@code Response:}, {@code Conversation conclusion by me:}) are accepted too, and labels
 * match in any case. The message is the text after its label (or from the start) up to the conclusion label,
 * with surrounding quotes stripped. The conclusion is the first word after its label; when it is neither
 * yes nor no, or the label is missing, the configured default applies (the original ends the chat). The next
 * speaker is the participant whose name appears first after its label (the speaker may name itself); none
 * found leaves it empty, and the environment then hands the word to the first participant.
 */
public final class TurnParser {

    private static final Pattern MESSAGE = Pattern.compile("(?i)(?:message|response)\\s*:");
    private static final Pattern CONCLUSION = Pattern.compile("(?i)(?:conversation over|conversation conclusion by me)\\s*:");
    private static final Pattern NEXT = Pattern.compile("(?i)next speaker\\s*:");
    private static final Pattern FIRST_WORD = Pattern.compile("[A-Za-z]+");

    private final boolean concludeWhenUnclear;

    /** Creates a parser; {@code concludeWhenUnclear} is the conclusion when no yes or no can be read. */
    public TurnParser(boolean concludeWhenUnclear) {
        this.concludeWhenUnclear = concludeWhenUnclear;
    }

    /** Parses {@code answer} given the chat's participants; never throws. */
    public ParsedTurn parse(String answer, List<String> participants) {
        String text = answer == null ? "" : answer;
        Matcher conclusion = CONCLUSION.matcher(text);
        boolean hasConclusion = conclusion.find();
        Matcher next = NEXT.matcher(text);
        boolean hasNext = next.find();
        int messageEnd = hasConclusion ? conclusion.start() : hasNext ? next.start() : text.length();
        Matcher message = MESSAGE.matcher(text).region(0, messageEnd);
        int messageStart = message.find() ? message.end() : 0;
        String said = stripQuotes(text.substring(messageStart, messageEnd).strip());

        Optional<Boolean> yesNo = hasConclusion ? yesOrNo(text.substring(conclusion.end())) : Optional.empty();
        Optional<String> speaker = hasNext ? firstName(text.substring(next.end()), participants) : Optional.empty();
        return new ParsedTurn(said, yesNo.orElse(concludeWhenUnclear), yesNo.isPresent(), speaker, text);
    }

    private static Optional<Boolean> yesOrNo(String rest) {
        Matcher word = FIRST_WORD.matcher(rest);
        if (!word.find()) {
            return Optional.empty();
        }
        return switch (word.group().toLowerCase(Locale.ROOT)) {
            case "yes" -> Optional.of(true);
            case "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<String> firstName(String rest, List<String> participants) {
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String name : participants) {
            Matcher m = Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(name) + "(?![\\p{L}\\d])").matcher(rest);
            if (m.find() && m.start() < bestAt) {
                best = name;
                bestAt = m.start();
            }
        }
        return Optional.ofNullable(best);
    }

    static String stripQuotes(String text) {
        String s = text;
        while (s.length() >= 2 && isQuote(s.charAt(0)) && isQuote(s.charAt(s.length() - 1))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019';
    }
}
