package dev.polis.api.chat;

import dev.polis.api.PolisExtension;
import dev.polis.api.inference.InferenceOptions;
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

    /**
     * Creates a model for {@code spec} honouring the operator's inference choices.
     *
     * <p>Providers of in-process models override this; the default ignores {@code options}.
     *
     * @throws dev.polis.api.InvalidInputException when the spec, its options or the inference options are wrong
     */
    default ChatModel create(ModelSpec spec, InferenceOptions options) {
        return create(spec);
    }
}
