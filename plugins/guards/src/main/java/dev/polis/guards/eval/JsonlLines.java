package dev.polis.guards.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.Privilege;

/** Reads one text field from every line of a JSONL file, naming the file and line when a line lacks it. */
final class JsonlLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonlLines() {
    }

    /** Returns the {@code field} of each line as a benign USER item whose {@code where} is file:line. */
    static List<LabeledText> read(Path file, String field) {
        List<LabeledText> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new SuiteFormatException(file.toString(), number, "not a JSON object: "
                            + e.getOriginalMessage());
                }
                JsonNode value = node.get(field);
                if (value == null || !value.isTextual()) {
                    throw new SuiteFormatException(file.toString(), number, "expected a text field '" + field + "'");
                }
                out.add(new LabeledText("", "", value.asText(), value.asText(), false, Privilege.USER,
                        file + ":" + number));
            }
        } catch (IOException e) {
            throw new SuiteFormatException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
        return out;
    }
}
