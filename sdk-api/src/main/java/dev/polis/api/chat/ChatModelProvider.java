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
     * Creates a model for {@code request}: its spec, the inference choices already completed by the host
     * (providers of remote models ignore them), and its run.
     *
     * <p>Providers do not record calls: {@link dev.polis.api.host.Models} wraps what they return.
     *
     * @throws dev.polis.api.InvalidInputException when the spec's location or options or the inference choices are wrong
     */
    ChatModel create(ModelRequest request);
}
