package dev.polis.api.chat;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/**
 * Turns a {@link ModelSpec} into a {@link ChatModel}; its {@link #id()} is the provider part of the spec.
 *
 * <p>For example the {@code openai} provider turns {@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b}
 * into a client of that server.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface ChatModelProvider extends PolisExtension {

    /**
     * Creates a model for {@code spec}.
     *
     * @throws dev.polis.api.InvalidInputException when the spec's location or options are wrong
     */
    ChatModel create(ModelSpec spec);
}
