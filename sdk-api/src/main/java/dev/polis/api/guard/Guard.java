package dev.polis.api.guard;

import java.util.List;
import dev.polis.api.PolisExtension;
import dev.polis.api.chat.Message;
import org.apiguardian.api.API;

/**
 * Inspects a message at a trust boundary and allows, neutralises or refuses it.
 *
 * <p>{@code context} holds the higher-privilege messages already in the prompt, so that a guard can tell
 * whether the new message tries to override them.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Guard extends PolisExtension {

    /** Returns the verdict on {@code message} arriving at {@code boundary} after {@code context}. */
    GuardVerdict inspect(Message message, Boundary boundary, List<Message> context);
}
