package dev.polis.openai;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.openai.client.ApiKeys;
import dev.polis.openai.client.EndpointLimits;
import dev.polis.openai.client.EndpointOptions;
import dev.polis.openai.client.OpenAiChatModel;
import dev.polis.openai.client.OpenAiOptions;
import org.pf4j.Extension;

/**
 * Provides the {@code openai} model: a client of any OpenAI-compatible chat-completions server (Ollama, vLLM,
 * llama.cpp's server, LM Studio, hosted APIs, {@code polis serve}).
 *
 * <p>Spec: {@code openai:<base url>#<model>}, for example {@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b};
 * the options are described on {@link EndpointOptions} and {@link OpenAiOptions}. The API key is read from the
 * environment variable named by {@code apiKeyEnv} when the model is created. All models of this provider share
 * one concurrency limit per base URL.
 */
@Extension
public final class OpenAiChatModelProvider implements ChatModelProvider {

    /** The provider id, the part of the spec before {@code :}. */
    public static final String ID = "openai";

    private final Function<String, String> environment;
    private final EndpointLimits limits = new EndpointLimits();

    /** Creates a provider that reads keys from the process environment. */
    public OpenAiChatModelProvider() {
        this(System::getenv);
    }

    /** Creates a provider that reads keys from {@code environment} (a variable name to its value, or null). */
    public OpenAiChatModelProvider(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Chat models behind any OpenAI-compatible server (Ollama, vLLM, llama.cpp, hosted APIs)";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("streaming", "http");
    }

    @Override
    public ChatModel create(ModelRequest request) {
        OpenAiOptions options = OpenAiOptions.from(request.spec());
        EndpointOptions endpoint = options.endpoint();
        return new OpenAiChatModel(options, ApiKeys.read(endpoint, environment),
                limits.of(endpoint.baseUrl(), endpoint.maxConcurrency()));
    }
}
