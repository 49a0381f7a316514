package dev.polis.guards.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the entries of a JSON file (array elements, or the fields of an object) with the line each starts on. */
final class JsonEntries {

    /**
     * One entry.
     *
     * @param key  the field name for an object's entry, {@code null} for an array element
     * @param node the value
     * @param line the line it starts on
     */
    record Entry(String key, JsonNode node, long line) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonEntries() {
    }

    /** Returns the elements of the JSON array in {@code file}. */
    static List<Entry> array(Path file) {
        return read(file, JsonToken.START_ARRAY, "a JSON array");
    }

    /** Returns the fields of the JSON object in {@code file}. */
    static List<Entry> object(Path file) {
        return read(file, JsonToken.START_OBJECT, "a JSON object");
    }

    /** Returns the text of {@code field} of {@code entry}, or fails naming the file, line and field. */
    static String text(Path file, Entry entry, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SuiteFormatException(file.toString(), entry.line(), "expected a text field '" + field
                    + "' in this entry");
        }
        return value.asText();
    }

    private static List<Entry> read(Path file, JsonToken start, String what) {
        List<Entry> out = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(Files.newBufferedReader(file))) {
            JsonToken first = parser.nextToken();
            if (first != start) {
                throw new SuiteFormatException(file.toString(), parser.currentLocation().getLineNr(),
                        "expected " + what + " but found " + first);
            }
            JsonToken end = start == JsonToken.START_ARRAY ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
            JsonToken token;
            while ((token = parser.nextToken()) != end && token != null) {
                String key = null;
                if (token == JsonToken.FIELD_NAME) {
                    key = parser.currentName();
                    parser.nextToken();
                }
                long line = parser.currentTokenLocation().getLineNr();
                out.add(new Entry(key, MAPPER.readTree(parser), line));
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SuiteFormatException(file.toString(), line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SuiteFormatException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
        return out;
    }
}
