package dev.polis.api.chat;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A model's request to call a tool; the answer goes back as {@link Message#toolResult} with the same id.
 *
 * @param id        the call's id, unique in its conversation (for example {@code call_1})
 * @param name      the tool's name, as in its {@link ToolDefinition}
 * @param arguments the arguments as the model wrote them: JSON text, normally an object; never {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ToolCall(String id, String name, String arguments) {

    /** Checks the components; {@code null} arguments become {@code "{}"}. */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a tool call needs an id, to tie its result to it");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("tool call " + id + " needs the name of the tool it calls");
        }
        arguments = arguments == null ? "{}" : arguments;
    }
}
