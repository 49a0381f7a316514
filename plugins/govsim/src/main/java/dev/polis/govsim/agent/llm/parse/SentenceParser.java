package dev.polis.govsim.agent.llm.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a model's answer to its first sentence, for the one-sentence chat thoughts and summaries.
 *
 * <p>The original stops generation at the first period; here the answer is read up to and including the
 * first period that ends a sentence (followed by a space, a line break or the end), so {@code 7.5 tons}
 * stays whole. Surrounding quotes are stripped.
 */
public final class SentenceParser {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

    private SentenceParser() {
    }

    /** Returns the first sentence of {@code answer}, or the whole stripped answer when it has no sentence end. */
    public static String firstSentence(String answer) {
        String text = TurnParser.stripQuotes(answer == null ? "" : answer.strip());
        Matcher end = SENTENCE_END.matcher(text);
        String sentence = end.find() ? text.substring(0, end.end()) : text;
        return TurnParser.stripQuotes(sentence.replaceAll("\\s+", " ").strip());
    }
}
