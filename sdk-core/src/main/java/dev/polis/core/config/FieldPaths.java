package dev.polis.core.config;

import java.util.List;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Writes and takes apart field paths in the form error messages use: dotted fields and {@code [i]} indices. */
public final class FieldPaths {

    private FieldPaths() {
    }

    /** Returns {@code base.field}, or {@code field} when {@code base} is empty. */
    public static String field(String base, String field) {
        return base == null || base.isEmpty() ? field : base + "." + field;
    }

    /** Returns {@code base[index]}. */
    public static String index(String base, int index) {
        return (base == null ? "" : base) + "[" + index + "]";
    }

    /** Returns the path of the enclosing field or element, or {@code ""} at the top. */
    public static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** Returns the path a Jackson mapping error points at, below {@code prefix}. */
    public static String of(String prefix, List<JsonMappingException.Reference> references) {
        String path = prefix == null ? "" : prefix;
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path = field(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path = index(path, reference.getIndex());
            }
        }
        return path;
    }
}
