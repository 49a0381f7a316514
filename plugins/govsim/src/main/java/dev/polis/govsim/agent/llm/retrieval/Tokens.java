package dev.polis.govsim.agent.llm.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into lower-case word tokens for lexical relevance, dropping common English function words. */
final class Tokens {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "has", "have", "i", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to",
            "was", "were", "will", "with", "we", "you", "he", "she", "they", "them", "his", "her", "my", "our");

    private Tokens() {
    }

    /** Returns the tokens of {@code text}, in order, with repeats. */
    static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String token = m.group();
            if (!STOP_WORDS.contains(token)) {
                tokens.add(stem(token));
            }
        }
        return tokens;
    }

    /** Folds the commonest English inflections so that "fishes", "fishing" and "fish" meet. */
    private static String stem(String token) {
        if (token.length() > 5 && token.endsWith("ing")) {
            return token.substring(0, token.length() - 3);
        }
        if (token.length() > 4 && token.matches(".*(?:ss|x|z|ch|sh)es")) {
            return token.substring(0, token.length() - 2);
        }
        if (token.length() > 3 && token.endsWith("s") && !token.endsWith("ss")) {
            return token.substring(0, token.length() - 1);
        }
        return token;
    }
}
