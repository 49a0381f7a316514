package dev.polis.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Reads YAML or JSON configuration from files and strings into records, with {@code ${NAME}} substitution
 * and errors that name the source, line, column and field path.
 *
 * <pre>{@code
 * ConfigLoader loader = new ConfigLoader(System.getenv());
 * MyConfig config = loader.load(Path.of("my.yaml"), MyConfig.class);
 * }</pre>
 */
public final class ConfigLoader {

    private final VariableSubstitution substitution;

    /** Creates a loader that substitutes variables from {@code environment}. */
    public ConfigLoader(Map<String, String> environment) {
        this.substitution = new VariableSubstitution(environment);
    }

    /** Creates a loader that substitutes variables from the process environment. */
    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /** Reads and binds a file; the format follows its extension. */
    public <T> T load(Path file, Class<T> type) {
        return bind(read(file), type);
    }

    /**
     * Reads a file into a document; the format follows its extension ({@code .yaml}, {@code .yml}, {@code .json}).
     *
     * @throws ConfigException when the file is missing, unreadable or malformed, or names an unset variable
     */
    public ConfigDocument read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        ConfigFormat format = ConfigFormat.forFileName(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), null, "", "no such file; check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "", "cannot be read: " + e.getMessage(), e);
        }
        return read(text, name, format);
    }

    /**
     * Reads a configuration text into a document.
     *
     * @param source the name used in messages, for example {@code pipeline.yaml}
     * @throws ConfigException when the text is malformed or names an unset variable
     */
    public ConfigDocument read(String text, String source, ConfigFormat format) {
        SubstitutedText substituted = substitution.substitute(text, source);
        ObjectMapper mapper = ConfigMappers.forFormat(format);
        try {
            SourceLocations locations;
            try (JsonParser parser = mapper.createParser(substituted.text())) {
                locations = SourceLocations.scan(parser);
            }
            JsonNode tree = mapper.readTree(substituted.text());
            if (tree == null || tree instanceof MissingNode) {
                tree = NullNode.getInstance();
            }
            return new ConfigDocument(source, tree, locations, substituted.secrets());
        } catch (JacksonException e) {
            throw new BindingErrors(source, SourceLocations.none(), "", NullNode.getInstance()).translate(e);
        } catch (IOException e) {
            throw new ConfigException(source, null, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Binds a whole document onto {@code type}.
     *
     * @throws ConfigException naming the path of the first field that does not fit
     */
    public <T> T bind(ConfigDocument document, Class<T> type) {
        return bind(document, document.tree(), "", type);
    }

    /** Binds the subtree at {@code path} of a document onto {@code type}; errors carry the full path. */
    static <T> T bind(ConfigDocument document, JsonNode subtree, String path, Class<T> type) {
        if (subtree == null || subtree.isNull() || subtree.isMissingNode()) {
            throw document.error(path, "is empty; expected " + TypeWords.describe(type));
        }
        try {
            return ConfigMappers.json().treeToValue(subtree, type);
        } catch (JacksonException e) {
            throw new BindingErrors(document.source(), document.locations(), path, subtree).translate(e);
        }
    }
}
