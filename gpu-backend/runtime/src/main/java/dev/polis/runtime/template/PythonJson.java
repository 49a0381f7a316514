package dev.polis.runtime.template;

import java.util.Map;

/**
 * Writes values as Python's {@code json.dumps(x, ensure_ascii=False)} does, which is what Hugging Face's
 * {@code tojson} filter gives chat templates: {@code ", "} and {@code ": "} separators, keys in insertion order,
 * non-ASCII text as is; with an indent, one item per line.
 */
final class PythonJson {

    private PythonJson() {
    }

    /** Returns {@code value} as JSON; {@code indent} below 0 means all on one line. */
    static String write(Object value, int indent) {
        StringBuilder out = new StringBuilder();
        write(out, value, indent, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int indent, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : d == Math.rint(d) && Math.abs(d) < 1e16 ? String.valueOf((long) d) + ".0" : String.valueOf(d));
        } else if (value instanceof Map<?, ?> map) {
            writeContainer(out, '{', '}', map.entrySet(), indent, depth, (entry, o) -> {
                string(o, String.valueOf(entry.getKey()));
                o.append(": ");
                write(o, entry.getValue(), indent, depth + 1);
            });
        } else if (value instanceof Iterable<?> list) {
            writeContainer(out, '[', ']', list, indent, depth, (item, o) -> write(o, item, indent, depth + 1));
        } else if (value instanceof Object[] array) {
            write(out, java.util.Arrays.asList(array), indent, depth);
        } else {
            string(out, String.valueOf(value));
        }
    }

    private interface ItemWriter<T> {
        void write(T item, StringBuilder out);
    }

    private static <T> void writeContainer(StringBuilder out, char open, char close, Iterable<T> items, int indent,
                                           int depth, ItemWriter<T> writer) {
        out.append(open);
        boolean first = true;
        for (T item : items) {
            if (!first) {
                out.append(indent >= 0 ? "," : ", ");
            }
            if (indent >= 0) {
                out.append('\n').append(" ".repeat(indent * (depth + 1)));
            }
            writer.write(item, out);
            first = false;
        }
        if (indent >= 0 && !first) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
        out.append(close);
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
