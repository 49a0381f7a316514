package dev.polis.guards.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutralises chat-template control tokens ({@code <|im_start|>}, {@code [INST]}, {@code <<SYS>>},
 * {@code <start_of_turn>}, {@code <s>}..., and the spotlight's own {@code <<data ...>>} frame) inside lower-privilege text, so that a web page cannot open a forged
 * system turn: angle and square brackets of each token become look-alike guillemets that no tokenizer reads as
 * a control token, and the reader still sees what was there.
 */
public final class ReservedTokens {

    private static final Pattern TOKEN = Pattern.compile(
            "<\\|[A-Za-z0-9_]{1,30}\\|>|\\[/?INST\\]|<</?SYS>>|</?start_of_turn>|</?end_of_turn>|</?s>"
                    + "|<\\|(?:begin|end)_of_text\\|>|<\\|(?:start|end)_header_id\\|>|<</?data\\b[^>\\n]{0,200}>>");

    /**
     * The result of neutralising a text.
     *
     * @param text  the text with every token defused
     * @param spans where the tokens were, in the original text
     */
    public record Result(String text, List<Span> spans) {
    }

    private ReservedTokens() {
    }

    /** Returns {@code text} with every reserved token defused, and where they were. */
    public static Result neutralise(String text) {
        Matcher m = TOKEN.matcher(text);
        List<Span> spans = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            spans.add(new Span(m.start(), m.end(), "reserved token", m.group()));
            m.appendReplacement(out, Matcher.quoteReplacement(defuse(m.group())));
        }
        m.appendTail(out);
        return new Result(out.toString(), spans);
    }

    private static String defuse(String token) {
        return token.replace('<', '‹').replace('>', '›').replace('[', '⟦').replace(']', '⟧');
    }
}
