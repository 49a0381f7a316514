package dev.polis.guards.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.chat.Privilege;

/** Reads one text field from every line of a JSONL file, naming the file and line when a line lacks it. */
final class JsonlLines {

    private JsonlLines() {
    }

    /** Returns the {@code field} of each line as a benign USER item whose {@code where} is file:line. */
    static List<LabeledText> read(Path file, String field) {
        List<LabeledText> out = new ArrayList<>();
        JsonlObjects.read(file, (number, node) -> {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                throw new SuiteFormatException(file.toString(), number, "expected a text field '" + field + "'");
            }
            out.add(new LabeledText("", "", value.asText(), value.asText(), false, Privilege.USER,
                    file + ":" + number));
        });
        return out;
    }
}
