package dev.polis.runtime.decode.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** One schema position of the grammar: what value may stand there. */
public sealed interface Node {

    /** Any JSON value (a {@code json_object} format's property values and the like). */
    record Any() implements Node {
    }

    /**
     * An object; with {@code properties} {@code null} any keys with {@link Any} values (a bare JSON object).
     *
     * @param properties the allowed keys, in schema order, with the JSON-escaped UTF-8 bytes of each key
     * @param required   the keys that must appear
     */
    record ObjectNode(List<Property> properties, Set<String> required) implements Node {
    }

    /** One property of an {@link ObjectNode}: its name, the bytes of its JSON string body, and its value. */
    record Property(String name, byte[] key, Node value) {
    }

    /** An array of {@code items} with between {@code minItems} and {@code maxItems} of them. */
    record ArrayNode(Node items, int minItems, int maxItems) implements Node {
    }

    /** A string of {@code minLength} to {@code maxLength} characters. */
    record StringNode(int minLength, int maxLength) implements Node {
    }

    /** A number (an integer when {@code integer}) in {@code [minimum, maximum]}; a bound may be {@code null}. */
    record NumberNode(boolean integer, BigDecimal minimum, BigDecimal maximum) implements Node {
    }

    /** One of fixed JSON texts: enum values, a const, {@code true}/{@code false}, {@code null}. */
    record Literal(List<byte[]> texts) implements Node {
    }
}
