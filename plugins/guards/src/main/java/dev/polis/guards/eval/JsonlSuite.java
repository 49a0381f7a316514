package dev.polis.guards.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.chat.Privilege;

/**
 * Reads a suite in the plain JSONL format: one object per line with {@code text}, {@code label}
 * ({@code attack} or {@code benign}), {@code level} (a privilege: {@code USER}, {@code TOOL}, ...), and optionally
 * {@code suite}, {@code group}, {@code payload} and {@code system} (the system prompt the text arrives under).
 */
public final class JsonlSuite {

    private JsonlSuite() {
    }

    /** Returns the items of {@code file}; a line in the wrong shape fails naming the file, line and field. */
    public static List<LabeledText> read(Path file) {
        List<LabeledText> out = new ArrayList<>();
        String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        JsonlObjects.read(file, (number, node) -> out.add(item(file, number, name, node)));
        return out;
    }

    private static LabeledText item(Path file, long number, String name, JsonNode node) {
        String text = field(file, number, node, "text");
        String label = field(file, number, node, "label").toLowerCase(Locale.ROOT);
        if (!label.equals("attack") && !label.equals("benign")) {
            throw new SuiteFormatException(file.toString(), number, "label must be 'attack' or 'benign' but was '"
                    + label + "'");
        }
        String levelText = field(file, number, node, "level").toUpperCase(Locale.ROOT);
        Privilege level;
        try {
            level = Privilege.valueOf(levelText);
        } catch (IllegalArgumentException e) {
            throw new SuiteFormatException(file.toString(), number, "level must be one of SYSTEM, DEVELOPER, USER, "
                    + "MODEL, TOOL but was '" + levelText + "'");
        }
        String suite = node.path("suite").asText(name);
        String group = node.path("group").asText("line-" + number);
        String payload = node.path("payload").asText(text);
        JsonNode system = node.path("system");
        if (!system.isMissingNode() && !system.isTextual()) {
            throw new SuiteFormatException(file.toString(), number, "'system' must be a text (the system prompt the "
                    + "text arrives under) but was " + system.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return new LabeledText(suite, group, text, payload, label.equals("attack"), level, file + ":" + number,
                system.asText(""));
    }

    private static String field(Path file, long number, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SuiteFormatException(file.toString(), number, "expected a non-empty text field '" + field + "'");
        }
        return value.asText();
    }
}
