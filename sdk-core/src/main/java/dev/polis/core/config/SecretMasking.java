package dev.polis.core.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Replaces the values of secret variables in a configuration tree by their {@code ${NAME}} references. */
public final class SecretMasking {

    private SecretMasking() {
    }

    /** Returns a copy of {@code tree} in which every occurrence of a secret value reads {@code ${NAME}}. */
    public static JsonNode mask(JsonNode tree, Map<String, String> secrets) {
        JsonNode copy = tree.deepCopy();
        if (secrets.isEmpty()) {
            return copy;
        }
        List<Map.Entry<String, String>> longestFirst = secrets.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                .toList();
        return maskNode(copy, longestFirst);
    }

    private static JsonNode maskNode(JsonNode node, List<Map.Entry<String, String>> secrets) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(maskNode(field.getValue(), secrets));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskNode(array.get(i), secrets));
            }
            return array;
        }
        if (node.isValueNode() && !node.isNull()) {
            String text = node.asText();
            String masked = text;
            for (Map.Entry<String, String> secret : secrets) {
                masked = masked.replace(secret.getValue(), "${" + secret.getKey() + "}");
            }
            return masked.equals(text) ? node : TextNode.valueOf(masked);
        }
        return node;
    }
}
