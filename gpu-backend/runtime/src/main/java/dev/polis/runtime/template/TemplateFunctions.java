package dev.polis.runtime.template;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The global functions Hugging Face makes available to chat templates: {@code raise_exception} and
 * {@code strftime_now}. Public only because Jinjava calls them reflectively.
 */
public final class TemplateFunctions {

    private static final Map<Character, String> STRFTIME = Map.ofEntries(
            Map.entry('d', "dd"), Map.entry('m', "MM"), Map.entry('Y', "yyyy"), Map.entry('y', "yy"),
            Map.entry('b', "MMM"), Map.entry('B', "MMMM"), Map.entry('a', "EEE"), Map.entry('A', "EEEE"),
            Map.entry('H', "HH"), Map.entry('I', "hh"), Map.entry('M', "mm"), Map.entry('S', "ss"),
            Map.entry('p', "a"), Map.entry('j', "DDD"));

    /** The date source of the rendering on this thread; the system clock outside {@link ChatTemplate#render}. */
    static final ThreadLocal<Clock> CLOCK = ThreadLocal.withInitial(Clock::systemDefaultZone);

    private TemplateFunctions() {
    }

    /** Stops rendering with {@code message}: templates call it when a conversation breaks their rules. */
    public static String raiseException(String message) {
        throw new TemplateRaisedException(message);
    }

    /**
     * Returns the time of the rendering's date source (the system clock unless {@link ChatTemplate#withClock} set
     * one) formatted with a Python {@code strftime} pattern such as {@code %d %b %Y}.
     */
    public static String strftimeNow(String pattern) {
        return ZonedDateTime.now(CLOCK.get()).format(DateTimeFormatter.ofPattern(toJava(pattern), Locale.ENGLISH));
    }

    static String toJava(String pattern) {
        StringBuilder java = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length()) {
                char code = pattern.charAt(++i);
                String mapped = code == '%' ? null : STRFTIME.get(code);
                if (mapped == null) {
                    literal.append(code == '%' ? "%" : "%" + code);
                    continue;
                }
                appendLiteral(java, literal);
                java.append(mapped);
            } else {
                literal.append(c);
            }
        }
        appendLiteral(java, literal);
        return java.toString();
    }

    private static void appendLiteral(StringBuilder java, StringBuilder literal) {
        if (!literal.isEmpty()) {
            java.append('\'').append(literal.toString().replace("'", "''")).append('\'');
            literal.setLength(0);
        }
    }
}
