package dev.polis.runtime.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a template's expressions so that Jinjava reads {@code not} as Jinja2 does: {@code not X is defined},
 * {@code not X is not none}, {@code not X == 1} and {@code not X in Y} mean {@code not (X ...)} in Jinja2 (tests
 * and comparisons bind tighter than {@code not}) but {@code (not X) ...} in Jinjava.
 *
 * <p>Only the text inside <code>{% %}</code> and <code>{{ }}</code> is touched, and only where {@code not} is followed by an
 * operand (a name with attribute and index steps, or a literal) and then a test or a comparison; the operand and
 * its test or comparison get parentheses. Official templates guard tools this way
 * ({@code {% if not tools is defined %}} in Llama 3.1 and 3.2), so without it they silently drop tools.
 */
final class Jinja2Precedence {

    private static final Pattern BLOCK = Pattern.compile("(\\{%-?|\\{\\{-?)(.*?)(-?%}|-?}})", Pattern.DOTALL);
    private static final String OPERAND = "(?:[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*|\\[[^\\[\\]]*])*|'[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?)";
    private static final Pattern NOT_TEST = Pattern.compile("\\bnot\\s+(" + OPERAND + ")\\s+is\\s+(not\\s+)?([A-Za-z_]\\w*)\\b");
    private static final Pattern NOT_COMPARISON = Pattern.compile(
            "\\bnot\\s+(" + OPERAND + ")\\s*(==|!=|<=|>=|<|>|\\bnot\\s+in\\b|\\bin\\b)\\s*(" + OPERAND + ")");

    private Jinja2Precedence() {
    }

    /** Returns {@code source} with every {@code not X <test or comparison>} inside a tag or expression parenthesised. */
    static String rewrite(String source) {
        Matcher block = BLOCK.matcher(source);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            String body = block.group(2);
            body = NOT_TEST.matcher(body).replaceAll(m -> Matcher.quoteReplacement("not (" + m.group(1) + " is "
                    + (m.group(2) == null ? "" : "not ") + m.group(3) + ")"));
            body = NOT_COMPARISON.matcher(body).replaceAll(m -> Matcher.quoteReplacement("not (" + m.group(1) + " "
                    + m.group(2).replaceAll("\\s+", " ") + " " + m.group(3) + ")"));
            block.appendReplacement(out, Matcher.quoteReplacement(block.group(1) + body + block.group(3)));
        }
        block.appendTail(out);
        return out.toString();
    }
}
