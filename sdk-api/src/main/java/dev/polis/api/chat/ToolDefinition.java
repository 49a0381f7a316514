package dev.polis.api.chat;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Describes a tool (a function) the model may call: its name, what it does, and its parameters as JSON Schema.
 *
 * <pre>{@code
 * ToolDefinition weather = new ToolDefinition("get_weather", "Returns the weather in a city",
 *         Map.of("type", "object",
 *                "properties", Map.of("city", Map.of("type", "string")),
 *                "required", List.of("city")));
 * }</pre>
 *
 * @param name        the name the model calls it by: 1 to 64 letters, digits, {@code _} or {@code -}
 * @param description what the tool does, for the model; {@code ""} when none
 * @param parameters  the JSON Schema of the arguments object, as a tree of maps, lists and plain values; an
 *                    empty map means "no parameters"; never {@code null}
 * @param strict      whether the arguments must follow the schema exactly (OpenAI's {@code strict})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ToolDefinition(String name, String description, Map<String, Object> parameters, boolean strict) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Checks the name and the schema's root and copies the schema. */
    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name
                    + "' must be 1 to 64 letters, digits, '_' or '-' (for example get_weather)");
        }
        description = description == null ? "" : description;
        parameters = parameters == null ? Map.of() : JsonValues.object(parameters, "parameters of tool " + name);
        Object type = parameters.get("type");
        if (type != null && !"object".equals(type)) {
            throw new IllegalArgumentException("parameters of tool " + name + ": the schema's type must be "
                    + "'object' (the arguments are a JSON object) but was '" + type + "'");
        }
    }

    /** Creates a tool whose arguments are not checked strictly. */
    public ToolDefinition(String name, String description, Map<String, Object> parameters) {
        this(name, description, parameters, false);
    }
}
