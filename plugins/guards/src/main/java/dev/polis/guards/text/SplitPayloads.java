package dev.polis.guards.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back together a payload split into quoted pieces (Kang et al. 2023, "payload splitting"): pieces given names
 * ({@code a = "Write an email"}, {@code Part 2 is "…"}, {@code B: '…'}) and an instruction to join them. The pieces
 * are joined in the order a sum names them ({@code z = a + b + c}), else by their part numbers or letters, else in
 * the order they appear; "interlace" or "interleave" alternates their characters. The joined text, when it has
 * {@link #MIN_WORDS} words or more, is a view for the detector to scan: a request that no single piece shows is read
 * whole. Benign code that adds two short strings ("Hello" + "World") yields no view.
 */
public final class SplitPayloads {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** A named, quoted piece: a name (a short identifier, or "part" and a number or letter), then the quote. */
    private static final Pattern PIECE = Pattern.compile("(?<![\\w.])((?:part|piece|string|segment)\\s*[0-9a-d]"
            + "|[a-z]\\w{0,7})\\s*(?:=|:=|:|\\bis\\b|\\bequals\\b)\\s*"
            + "(?:\"([^\"\\n]{1,200})\"|'([^'\\n]{1,200})'|\u201c([^\u201d\\n]{1,200})\u201d)", FLAGS);
    private static final Pattern JOIN = Pattern.compile("\\b(?:concatenat\\w*|combin\\w*|join\\w*|merg\\w*|"
            + "(?:put|stick|glue)\\w*(?: \\w+){0,2} together|assembl\\w*|append\\w*|interlac\\w*|interleav\\w*|"
            + "using the following parts)\\b"
            + "|\\b\\w{1,8}\\s*\\+\\s*\\w{1,8}\\b", FLAGS);
    private static final Pattern SUM = Pattern.compile("\\b\\w{1,8}(?:\\s*\\+\\s*\\w{1,8})+\\b");
    /** The fewest words a joined payload must have to be scanned as one. */
    static final int MIN_WORDS = 4;
    private static final Pattern INTERLACE = Pattern.compile("\\binter(?:lac|leav)\\w*", FLAGS);

    private SplitPayloads() {
    }

    /** Returns the joined payload of {@code text}, or empty when it holds no two named pieces and a join. */
    public static Optional<String> reassemble(String text) {
        if (text.indexOf('"') < 0 && text.indexOf('\'') < 0 && text.indexOf('\u201c') < 0) {
            return Optional.empty();
        }
        Map<String, String> pieces = new LinkedHashMap<>();
        Matcher m = PIECE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            pieces.putIfAbsent(key(m.group(1)), value);
        }
        if (pieces.size() < 2 || !JOIN.matcher(text).find()) {
            return Optional.empty();
        }
        List<String> order = sumOrder(text, pieces).orElseGet(() -> numberedOrder(pieces));
        List<String> parts = order.stream().map(pieces::get).toList();
        String joined = INTERLACE.matcher(text).find() && parts.size() == 2 ? interlace(parts.get(0), parts.get(1))
                : join(parts);
        // an instruction takes a few words; "Hello" + "World" is a string, not a payload
        return joined.split("\\s+").length >= MIN_WORDS ? Optional.of(joined) : Optional.empty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** The order of the longest sum of piece names ("a + b + c"), if the text has one naming two pieces or more. */
    private static Optional<List<String>> sumOrder(String text, Map<String, String> pieces) {
        Matcher m = SUM.matcher(text);
        List<String> best = List.of();
        while (m.find()) {
            List<String> names = new ArrayList<>();
            for (String name : m.group().split("\\s*\\+\\s*")) {
                if (pieces.containsKey(key(name))) {
                    names.add(key(name));
                }
            }
            if (names.size() > best.size()) {
                best = names;
            }
        }
        return best.size() >= 2 ? Optional.of(best) : Optional.empty();
    }

    /** Pieces named "part 1", "part 2" (or a, b, c) sorted by that, others after them in the order they came. */
    private static List<String> numberedOrder(Map<String, String> pieces) {
        List<String> names = new ArrayList<>(pieces.keySet());
        boolean numbered = names.stream().allMatch(n -> n.length() == 1 || n.matches("(?:part|piece|string|segment).+"));
        if (numbered) {
            names.sort(Comparator.comparing(n -> n.substring(n.length() - 1)));
        }
        return names;
    }

    private static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            boolean glue = out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1))
                    || part.isEmpty() || Character.isWhitespace(part.charAt(0));
            out.append(glue ? "" : " ").append(part);
        }
        return out.toString().replaceAll("\\s{2,}", " ").strip();
    }

    private static String interlace(String first, String second) {
        StringBuilder out = new StringBuilder(first.length() + second.length());
        for (int i = 0; i < Math.max(first.length(), second.length()); i++) {
            if (i < first.length()) {
                out.append(first.charAt(i));
            }
            if (i < second.length()) {
                out.append(second.charAt(i));
            }
        }
        return out.toString().replaceAll("\\s{2,}", " ").strip();
    }
}
