package dev.polis.mindsearch.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a QA file: JSON lines of {@code {"id", "question", "answers": [...], "supporting": [...]}}, blank lines
 * skipped. A wrong shape is the user's mistake, reported with the file, the line and the field.
 */
public final class QaFile {

    /** What an id may look like: it names the question's run folder. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHAPE = "each line is {\"id\": \"q1\", \"question\": \"...\", \"answers\": [\"...\"],"
            + " \"supporting\": [\"a fact or a document id\", ...]}";

    private QaFile() {
    }

    /** Reads {@code file}. */
    public static List<QaItem> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("QA file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); give a JSON-lines file: " + SHAPE);
        }
        List<QaItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new InvalidInputException(where + ": not JSON (" + e.getOriginalMessage() + "); " + SHAPE);
            }
            if (!node.isObject()) {
                throw new InvalidInputException(where + ": not a JSON object; " + SHAPE);
            }
            String id = text(node, "id", where);
            if (!ID.matcher(id).matches()) {
                throw new InvalidInputException(where + ": field 'id' is '" + id + "'; it names the question's run"
                        + " folder: use letters, digits, '.', '_' and '-' (at most 100, not starting with '.', '_' or '-')");
            }
            if (!ids.add(id)) {
                throw new InvalidInputException(where + ": field 'id' repeats '" + id + "'; give every question its own id");
            }
            String question = text(node, "question", where);
            List<String> answers = strings(node, "answers", where);
            if (answers.isEmpty()) {
                throw new InvalidInputException(where + ": field 'answers' is empty; give at least one gold answer");
            }
            items.add(new QaItem(id, question, answers, strings(node, "supporting", where)));
        }
        if (items.isEmpty()) {
            throw new InvalidInputException("QA file " + file + " holds no question; " + SHAPE);
        }
        return items;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new InvalidInputException(where + ": field '" + field + "' is missing; " + SHAPE);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidInputException(where + ": field '" + field + "' must be a non-empty string but is "
                    + value);
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new InvalidInputException(where + ": field '" + field + "' is missing; " + SHAPE);
        }
        if (!value.isArray()) {
            throw new InvalidInputException(where + ": field '" + field + "' must be an array of strings but is "
                    + value);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw new InvalidInputException(where + ": field '" + field + "' must hold non-empty strings only,"
                        + " but holds " + element);
            }
            out.add(element.asText());
        }
        return out;
    }
}
