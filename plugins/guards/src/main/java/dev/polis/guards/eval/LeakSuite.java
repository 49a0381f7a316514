package dev.polis.guards.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a leak suite: one JSON object per line with {@code id}, {@code system} (the system prompt), {@code output}
 * (the model's output), {@code leak} (true or false), {@code kind} ({@code verbatim}, {@code canary},
 * {@code paraphrase} or {@code none}) and optionally {@code canaries} (a list of texts). A line in the wrong shape
 * fails naming the file, line and field, and says what to write instead.
 */
public final class LeakSuite {

    private static final Set<String> FIELDS = Set.of("id", "system", "canaries", "output", "leak", "kind");

    private LeakSuite() {
    }

    /** Returns the cases of {@code file}, in order. */
    public static List<LeakCase> read(Path file) {
        List<LeakCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonlObjects.read(file, (number, node) -> {
            LeakCase c = parse(file, number, node);
            if (!ids.add(c.id())) {
                throw new SuiteFormatException(file.toString(), number, "field 'id': '" + c.id()
                        + "' is used by an earlier line; give every case its own id");
            }
            out.add(c);
        });
        if (out.isEmpty()) {
            throw new SuiteFormatException(file.toString(), 0, "holds no cases; write one JSON object per line "
                    + "with id, system, output, leak and kind");
        }
        return out;
    }

    private static LeakCase parse(Path file, long number, JsonNode node) {
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new SuiteFormatException(file.toString(), number, "unknown field '" + f + "'; a leak case "
                        + "has id, system, output, leak, kind and optionally canaries");
            }
        });
        String id = text(file, number, node, "id");
        String system = text(file, number, node, "system");
        String output = text(file, number, node, "output");
        JsonNode leak = node.get("leak");
        if (leak == null || !leak.isBoolean()) {
            throw new SuiteFormatException(file.toString(), number, "field 'leak': expected true or false (without "
                    + "quotes) but found " + describe(leak));
        }
        String kindText = text(file, number, node, "kind").toLowerCase(Locale.ROOT);
        LeakCase.Kind kind;
        try {
            kind = LeakCase.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SuiteFormatException(file.toString(), number, "field 'kind': must be verbatim, canary, "
                    + "paraphrase or none but was '" + kindText + "'");
        }
        if (leak.asBoolean() == (kind == LeakCase.Kind.NONE)) {
            throw new SuiteFormatException(file.toString(), number, "field 'kind': '" + kindText + "' contradicts "
                    + "\"leak\": " + leak.asBoolean() + "; a leak has kind verbatim, canary or paraphrase, a "
                    + "non-leak has kind none");
        }
        List<String> canaries = canaries(file, number, node.get("canaries"));
        if (kind == LeakCase.Kind.CANARY && canaries.isEmpty()) {
            throw new SuiteFormatException(file.toString(), number, "field 'canaries': a case of kind canary needs "
                    + "the canary tokens it leaks, e.g. \"canaries\": [\"<!-- 3f9a1c7e -->\"]");
        }
        return new LeakCase(id, system, canaries, output, kind, file + ":" + number);
    }

    private static List<String> canaries(Path file, long number, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new SuiteFormatException(file.toString(), number, "field 'canaries': expected a list of texts, "
                    + "e.g. [\"<!-- 3f9a1c7e -->\"], but found " + describe(node));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode c : node) {
            if (!c.isTextual() || c.asText().isBlank()) {
                throw new SuiteFormatException(file.toString(), number, "field 'canaries': every entry must be a "
                        + "non-empty text but found " + describe(c));
            }
            out.add(c.asText());
        }
        return out;
    }

    private static String text(Path file, long number, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SuiteFormatException(file.toString(), number, "field '" + field + "': expected a non-empty "
                    + "text but found " + describe(value));
        }
        return value.asText();
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        if (value.isTextual()) {
            return value.asText().isBlank() ? "an empty text" : "the text \"" + value.asText() + "\"";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + value;
    }
}
