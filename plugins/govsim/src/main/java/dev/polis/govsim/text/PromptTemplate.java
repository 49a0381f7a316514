package dev.polis.govsim.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.polis.api.InvalidInputException;

/**
 * A prompt text with placeholders, rendered with a map of values.
 *
 * <p>Syntax: {@code {{name}}} inserts a value; {@code {{#name}}...{{/name}}} keeps its text only when the
 * value is set (true, a non-blank string, a non-empty collection, a non-zero number); {@code {{^name}}...{{/name}}}
 * keeps it only when the value is not set; {@code {{! note }}} is a comment. A section or comment tag alone on
 * its line removes that line's break. One trailing line break of the text is dropped. Errors (an unclosed
 * section, an unknown value) name the template's origin; every name the template uses must have a value, also
 * those inside a section that is not rendered, so a misspelt placeholder is found on the first render.
 */
public final class PromptTemplate {

    private static final Pattern STANDALONE = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/!][^}]*}})[ \\t]*\\r?\\n");
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/!]?)\\s*([^}]*?)\\s*}}");

    private final String origin;
    private final List<Part> parts;
    private final Set<String> names;

    private PromptTemplate(String origin, List<Part> parts) {
        this.origin = origin;
        this.parts = parts;
        Set<String> used = new TreeSet<>();
        collect(parts, used);
        this.names = Collections.unmodifiableSet(used);
    }

    private static void collect(List<Part> list, Set<String> into) {
        for (Part part : list) {
            switch (part) {
                case Literal literal -> { }
                case Variable variable -> into.add(variable.name());
                case Section section -> {
                    into.add(section.name());
                    collect(section.body(), into);
                }
            }
        }
    }

    /** Returns every name the template uses, in values and in sections, sorted. */
    public Set<String> names() {
        return names;
    }

    /**
     * Parses {@code text}; {@code origin} (a file or resource name) appears in error messages.
     *
     * @throws InvalidInputException when sections are not balanced
     */
    public static PromptTemplate parse(String origin, String text) {
        Objects.requireNonNull(origin, "origin");
        String source = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        source = STANDALONE.matcher(source + "\n").replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        if (source.endsWith("\n")) {
            source = source.substring(0, source.length() - 1);
        }
        Deque<Section> open = new ArrayDeque<>();
        List<Part> root = new ArrayList<>();
        Matcher tag = TAG.matcher(source);
        int at = 0;
        while (tag.find()) {
            List<Part> target = open.isEmpty() ? root : open.peek().body();
            if (tag.start() > at) {
                target.add(new Literal(source.substring(at, tag.start())));
            }
            at = tag.end();
            String kind = tag.group(1);
            String name = tag.group(2);
            switch (kind) {
                case "!" -> { }
                case "#", "^" -> {
                    Section section = new Section(name, kind.equals("^"), new ArrayList<>());
                    target.add(section);
                    open.push(section);
                }
                case "/" -> {
                    if (open.isEmpty() || !open.peek().name().equals(name)) {
                        throw new InvalidInputException("prompt " + origin + ": {{/" + name + "}} closes "
                                + (open.isEmpty() ? "no open section" : "section '" + open.peek().name() + "'"));
                    }
                    open.pop();
                }
                default -> target.add(new Variable(name));
            }
        }
        if (!open.isEmpty()) {
            throw new InvalidInputException("prompt " + origin + ": section '" + open.peek().name()
                    + "' is never closed (add {{/" + open.peek().name() + "}})");
        }
        if (at < source.length()) {
            root.add(new Literal(source.substring(at)));
        }
        return new PromptTemplate(origin, List.copyOf(root));
    }

    /** Returns where this template came from. */
    public String origin() {
        return origin;
    }

    /**
     * Renders the template.
     *
     * @throws InvalidInputException when the template uses a name {@code values} lacks
     */
    public String render(Map<String, ?> values) {
        for (String name : names) {
            value(name, values);
        }
        StringBuilder out = new StringBuilder();
        render(parts, values, out);
        return out.toString();
    }

    private void render(List<Part> list, Map<String, ?> values, StringBuilder out) {
        for (Part part : list) {
            switch (part) {
                case Literal literal -> out.append(literal.text());
                case Variable variable -> out.append(String.valueOf(value(variable.name(), values)));
                case Section section -> {
                    if (isSet(value(section.name(), values)) != section.inverted()) {
                        render(section.body(), values, out);
                    }
                }
            }
        }
    }

    private Object value(String name, Map<String, ?> values) {
        if (!values.containsKey(name) || values.get(name) == null) {
            throw new InvalidInputException("prompt " + origin + " uses the placeholder {{" + name + "}}, which this "
                    + "prompt has no value for; rename it to one of: " + String.join(", ", new TreeSet<>(values.keySet())));
        }
        return values.get(name);
    }

    private static boolean isSet(Object value) {
        return switch (value) {
            case Boolean b -> b;
            case CharSequence s -> !s.toString().isBlank();
            case Collection<?> c -> !c.isEmpty();
            case Number n -> n.doubleValue() != 0;
            default -> true;
        };
    }

    private sealed interface Part permits Literal, Variable, Section {
    }

    private record Literal(String text) implements Part {
    }

    private record Variable(String name) implements Part {
    }

    private record Section(String name, boolean inverted, List<Part> body) implements Part {
    }
}
