package dev.polis.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;

/**
 * Gives an extension its block of configuration over a Jackson tree, reporting bad values with their full
 * path ({@code agents[1].settings.amount: expected a number but found 'lots'}) and, when the block was read
 * from a file, the file and line.
 */
public final class JacksonSettings implements Settings {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectNode tree;
    private final String path;
    private final String source;
    private final SourceLocations locations;
    private final Map<String, Object> values;

    /**
     * Creates settings over {@code tree}.
     *
     * @param tree      the block; {@code null} or a JSON null means an empty block
     * @param path      where the block sits in its document ({@code environment.settings}), or {@code ""}
     * @param source    the file or resource name, or {@code ""} for a block built in code
     * @param locations where each path starts in the source
     */
    public JacksonSettings(JsonNode tree, String path, String source, SourceLocations locations) {
        this.path = Objects.requireNonNull(path, "path");
        this.source = Objects.requireNonNull(source, "source");
        this.locations = Objects.requireNonNull(locations, "locations");
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            this.tree = JsonNodeFactory.instance.objectNode();
        } else if (tree instanceof ObjectNode object) {
            this.tree = object.deepCopy();
        } else {
            throw ConfigException.at(source, locations, path, "expected a block of fields but found '" + tree.asText() + "'");
        }
        this.values = Collections.unmodifiableMap(ConfigMappers.json().convertValue(this.tree, MAP));
    }

    /** Creates settings over plain values built in code, for the block at {@code path}. */
    public static JacksonSettings of(Map<String, ?> values, String path) {
        JsonNode tree = ConfigMappers.json().valueToTree(values == null ? Map.of() : values);
        return new JacksonSettings(tree, path, "", SourceLocations.none());
    }

    /** Creates empty settings. */
    public static JacksonSettings empty() {
        return of(Map.of(), "");
    }

    /** Returns where this block sits in its document, or {@code ""}. */
    public String path() {
        return path;
    }

    /** Returns a copy of the tree this block is read from. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    @Override
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public <T> T bind(Class<T> type) {
        try {
            return ConfigMappers.json().treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new BindingErrors(source, locations, path, tree).translate(e);
        }
    }

    @Override
    public int intValue(String key, int fallback) {
        return located(key, () -> Settings.super.intValue(key, fallback));
    }

    @Override
    public long longValue(String key, long fallback) {
        return located(key, () -> Settings.super.longValue(key, fallback));
    }

    @Override
    public double doubleValue(String key, double fallback) {
        return located(key, () -> Settings.super.doubleValue(key, fallback));
    }

    @Override
    public boolean booleanValue(String key, boolean fallback) {
        return located(key, () -> Settings.super.booleanValue(key, fallback));
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "settings" : path) + "=" + values;
    }

    private <T> T located(String key, Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigException e) {
            throw e;
        } catch (InvalidInputException e) {
            String problem = e.getMessage().startsWith(key + ": ") ? e.getMessage().substring(key.length() + 2)
                    : e.getMessage();
            throw new ConfigException(source, locations.find(FieldPaths.field(path, key)).orElse(null),
                    FieldPaths.field(path, key), problem, e);
        }
    }
}
