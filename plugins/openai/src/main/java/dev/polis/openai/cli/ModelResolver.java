package dev.polis.openai.cli;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelSpec;
import dev.polis.core.registry.ExtensionRegistry;

/** Turns a model spec into a model, the way the host does: by the {@link ChatModelProvider} its provider part names. */
@FunctionalInterface
public interface ModelResolver {

    /**
     * Creates the model {@code spec} names.
     *
     * @throws dev.polis.api.InvalidInputException when no provider has the spec's provider id, or the spec is wrong
     */
    ChatModel resolve(ModelSpec spec);

    /** Returns a resolver over the providers in {@code registry}. */
    static ModelResolver using(ExtensionRegistry registry) {
        return spec -> registry.get(ChatModelProvider.class, spec.provider()).create(spec);
    }
}
