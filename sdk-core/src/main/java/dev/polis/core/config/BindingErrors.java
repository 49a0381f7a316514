package dev.polis.core.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's parse and binding failures into {@link ConfigException}s that name the field path and
 * say what would be right, for example {@code steps: expected a number but found 'abc'}.
 *
 * @param source    the file or resource name
 * @param locations where each path starts in the source
 * @param prefix    the path of the bound tree within its document ({@code agents[1].settings}), or {@code ""}
 * @param root      the tree being bound, to describe the value found at a failing path
 */
public record BindingErrors(String source, SourceLocations locations, String prefix, JsonNode root) {

    /** Returns the configuration error that {@code failure} amounts to. */
    public ConfigException translate(JacksonException failure) {
        if (failure instanceof JsonMappingException mapping) {
            return translateMapping(mapping);
        }
        JsonLocation location = failure.getLocation();
        SourcePosition position = location != null && location.getLineNr() > 0 && location.getColumnNr() > 0
                ? new SourcePosition(location.getLineNr(), location.getColumnNr()) : null;
        return new ConfigException(source, position, "", "cannot be read: " + firstLine(failure.getOriginalMessage()),
                failure);
    }

    private ConfigException translateMapping(JsonMappingException failure) {
        List<JsonMappingException.Reference> references = failure.getPath();
        String path = FieldPaths.of(prefix, references);
        if (failure instanceof UnrecognizedPropertyException unknown) {
            String owner = FieldPaths.of(prefix, references.subList(0, Math.max(0, references.size() - 1)));
            return new ConfigException(source, locations.find(path).orElse(null), owner,
                    unknownField(unknown.getPropertyName(), knownInOrder(unknown)), failure);
        }
        String problem;
        if (failure instanceof ValueInstantiationException && failure.getCause() != null) {
            problem = failure.getCause().getMessage();
        } else if (failure instanceof InvalidFormatException invalid) {
            problem = "expected " + TypeWords.describe(invalid.getTargetType()) + " but found '" + invalid.getValue() + "'";
        } else if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "expected " + TypeWords.describe(mismatch.getTargetType()) + " but found " + found(references);
        } else {
            problem = firstLine(failure.getOriginalMessage());
        }
        return new ConfigException(source, locations.find(path).orElse(null), path, problem, failure);
    }

    /** Returns the message for a field no one knows: {@code unknown field 'x' (did you mean 'y'? known: ...)}. */
    public static String unknownField(String name, List<String> known) {
        StringBuilder text = new StringBuilder("unknown field '").append(name).append('\'');
        if (!known.isEmpty()) {
            text.append(" (");
            Suggestions.closest(name, known).ifPresent(s -> text.append("did you mean '").append(s).append("'? "));
            text.append("known: ").append(String.join(", ", known)).append(')');
        }
        return text.toString();
    }

    /** Lists the known fields in declaration order for records, alphabetically otherwise. */
    private static List<String> knownInOrder(UnrecognizedPropertyException unknown) {
        Set<String> known = new TreeSet<>();
        Collection<Object> ids = unknown.getKnownPropertyIds();
        if (ids != null) {
            ids.forEach(id -> known.add(String.valueOf(id)));
        }
        List<String> ordered = new ArrayList<>();
        Class<?> owner = unknown.getReferringClass();
        if (owner != null && owner.isRecord()) {
            for (RecordComponent component : owner.getRecordComponents()) {
                if (known.remove(component.getName())) {
                    ordered.add(component.getName());
                }
            }
        }
        ordered.addAll(known);
        return ordered;
    }

    private String found(List<JsonMappingException.Reference> references) {
        JsonNode node = root;
        for (JsonMappingException.Reference reference : references) {
            if (node == null) {
                break;
            }
            node = reference.getFieldName() != null ? node.get(reference.getFieldName()) : node.get(reference.getIndex());
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a block of fields (" + fieldNames(node) + ")";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

}
