package dev.polis.core.config;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Remembers where each field path of a parsed document starts, so that errors found after parsing
 * (while binding a tree, validating, or creating extensions) can still name a line and column.
 *
 * <p>A field is located at its key; an array element at its first token. Paths are written as in
 * error messages: {@code agents[2].model}.
 */
public final class SourceLocations {

    private static final SourceLocations NONE = new SourceLocations(Map.of());

    private final Map<String, SourcePosition> positions;

    private SourceLocations(Map<String, SourcePosition> positions) {
        this.positions = positions;
    }

    /** Returns locations that know no position, for configurations built in code. */
    public static SourceLocations none() {
        return NONE;
    }

    /** Reads every token of {@code parser} (positioned before the first token) and records the positions. */
    public static SourceLocations scan(JsonParser parser) throws IOException {
        Map<String, SourcePosition> positions = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            Frame top = stack.peek();
            if (token == JsonToken.FIELD_NAME) {
                top.field = parser.currentName();
                record(positions, top.path(), parser.currentTokenLocation());
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.pop();
                continue;
            }
            if (top != null && top.array) {
                top.index++;
                record(positions, top.path(), parser.currentTokenLocation());
            }
            String path = top == null ? "" : top.path();
            if (token == JsonToken.START_OBJECT) {
                stack.push(new Frame(path, false));
            } else if (token == JsonToken.START_ARRAY) {
                stack.push(new Frame(path, true));
            }
        }
        return new SourceLocations(Map.copyOf(positions));
    }

    /** Returns the position of {@code path}, or of its nearest located parent, if any. */
    public Optional<SourcePosition> find(String path) {
        String current = path == null ? "" : path;
        while (!current.isEmpty()) {
            SourcePosition position = positions.get(current);
            if (position != null) {
                return Optional.of(position);
            }
            current = FieldPaths.parent(current);
        }
        return Optional.empty();
    }

    private static void record(Map<String, SourcePosition> positions, String path, JsonLocation location) {
        if (location != null && location.getLineNr() > 0 && location.getColumnNr() > 0) {
            positions.putIfAbsent(path, new SourcePosition(location.getLineNr(), location.getColumnNr()));
        }
    }

    private static final class Frame {
        private final String base;
        private final boolean array;
        private String field;
        private int index = -1;

        private Frame(String base, boolean array) {
            this.base = base;
            this.array = array;
        }

        private String path() {
            return array ? FieldPaths.index(base, index) : FieldPaths.field(base, field);
        }
    }
}
