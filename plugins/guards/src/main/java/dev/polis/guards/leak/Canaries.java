package dev.polis.guards.leak;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.polis.guards.text.Normaliser;

/**
 * Finds a canary token in an output: after normalisation (zero-width characters, full-width letters and look-alikes
 * do not hide it), in any letter case, and also when it is spelled out one character at a time
 * ("L-A-N-T-E-R-N", "L A N T E R N", "l.a.n.t.e.r.n").
 */
public final class Canaries {

    /** Three or more single letters or digits, each followed by a separator, then one more. */
    private static final Pattern SPELLED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:[\\p{L}\\p{N}](?:[\\s.,*_·•/|]+|\\s*-\\s*)){3,}[\\p{L}\\p{N}](?![\\p{L}\\p{N}])");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Canaries() {
    }

    /** Returns {@code output} normalised and in lower case, with spelled-out words joined, for {@link #in}. */
    public static String prepare(String output) {
        String clean = Normaliser.clean(output).toLowerCase(Locale.ROOT);
        Matcher m = SPELLED.matcher(clean);
        if (!m.find()) {
            return clean;
        }
        StringBuilder out = new StringBuilder(clean.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group() + " " + SEPARATORS.matcher(m.group())
                    .replaceAll("")));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** Returns whether {@code canary} (not blank) appears in {@code prepared}, an output after {@link #prepare}. */
    public static boolean in(String prepared, String canary) {
        return !canary.isBlank() && prepared.contains(Normaliser.clean(canary).toLowerCase(Locale.ROOT));
    }
}
