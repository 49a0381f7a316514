package dev.polis.api.guard;

import java.util.List;
import java.util.Objects;
import dev.polis.api.chat.Message;
import org.apiguardian.api.API;

/**
 * Asks a {@link Guard} about one message.
 *
 * @param message  the message arriving; its privilege says how far it may be trusted
 * @param boundary where it arrives: input, tool output, another agent's words, model output
 * @param context  the messages already in the prompt, oldest first, so that a guard can tell whether the new
 *                 message tries to override higher-privilege instructions
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record GuardRequest(Message message, Boundary boundary, List<Message> context) {

    /** Checks the components and copies the context. */
    public GuardRequest {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(boundary, "boundary");
        context = context == null ? List.of() : List.copyOf(context);
    }
}
