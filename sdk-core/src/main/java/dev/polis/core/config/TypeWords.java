package dev.polis.core.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Describes a Java type in the words a configuration author thinks in: a number, text, a list. */
final class TypeWords {

    private TypeWords() {
    }

    /** Returns {@code a number}, {@code true or false}, {@code one of a, b}, {@code text}, ... for {@code type}. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a block of fields";
        }
        return "a " + type.getSimpleName();
    }
}
