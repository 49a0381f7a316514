package dev.polis.guards.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSONL file as one JSON object per non-blank line, the way every suite reader here does; a line that is not
 * a JSON object, or a file that cannot be read, fails with a {@link SuiteFormatException} naming the file and line.
 */
final class JsonlObjects {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a reader does with one line's object. */
    @FunctionalInterface
    interface Line {

        /** Takes the object on line {@code number} (1-based) of the file. */
        void accept(long number, JsonNode object);
    }

    private JsonlObjects() {
    }

    /** Hands each non-blank line's object of {@code file} to {@code line}, in order. */
    static void read(Path file, Line line) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String text;
            long number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    line.accept(number, parse(file, number, text));
                }
            }
        } catch (IOException e) {
            throw new SuiteFormatException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    private static JsonNode parse(Path file, long number, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SuiteFormatException(file.toString(), number, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new SuiteFormatException(file.toString(), number, "expected a JSON object per line");
        }
        return node;
    }
}
