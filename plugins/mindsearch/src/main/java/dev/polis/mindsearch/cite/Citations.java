package dev.polis.mindsearch.cite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds and rewrites {@code [[n]]} citation markers. */
public final class Citations {

    /** A citation marker: two square brackets around a number. */
    public static final Pattern MARKER = Pattern.compile("\\[\\[(\\d{1,6})]]");

    private Citations() {
    }

    /** Returns the numbers cited in {@code text}, each once, in order of first appearance. */
    public static List<Integer> cited(String text) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return new ArrayList<>(numbers);
    }

    /** Replaces each marker's number by {@code renumber}'s value; a negative value removes the marker. */
    public static String rewrite(String text, IntUnaryOperator renumber) {
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int to = renumber.applyAsInt(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, to < 0 ? "" : "[[" + to + "]]");
        }
        m.appendTail(out);
        return out.toString();
    }
}
