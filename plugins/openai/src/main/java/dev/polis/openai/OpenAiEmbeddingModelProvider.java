package dev.polis.openai;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.openai.client.ApiKeys;
import dev.polis.openai.client.EmbeddingOptions;
import dev.polis.openai.client.EndpointLimits;
import dev.polis.openai.client.EndpointOptions;
import dev.polis.openai.client.OpenAiEmbeddingModel;
import org.pf4j.Extension;

/**
 * Provides the {@code openai} embedding model: a client of any OpenAI-compatible {@code /embeddings} endpoint
 * (Ollama, vLLM, llama.cpp's server, LM Studio, hosted APIs, {@code polis serve --embedder}).
 *
 * <p>Spec: {@code openai:<base url>#<model>}, for example
 * {@code openai:http://127.0.0.1:11434/v1#mxbai-embed-large}; the options are those of the chat provider that
 * apply ({@link EndpointOptions}) plus {@code queryPrefix} ({@link EmbeddingOptions}). The API key is read from
 * the environment variable named by {@code apiKeyEnv} when the model is created. All embedding models of this
 * provider share one concurrency limit per base URL.
 */
@Extension
public final class OpenAiEmbeddingModelProvider implements EmbeddingModelProvider {

    /** The provider id, the part of the spec before {@code :}. */
    public static final String ID = "openai";

    private final Function<String, String> environment;
    private final EndpointLimits limits = new EndpointLimits();

    /** Creates a provider that reads keys from the process environment. */
    public OpenAiEmbeddingModelProvider() {
        this(System::getenv);
    }

    /** Creates a provider that reads keys from {@code environment} (a variable name to its value, or null). */
    public OpenAiEmbeddingModelProvider(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Embedding models behind any OpenAI-compatible /embeddings endpoint (Ollama, vLLM, llama.cpp, "
                + "hosted APIs)";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("http");
    }

    @Override
    public EmbeddingModel create(ModelRequest request) {
        EmbeddingOptions options = EmbeddingOptions.from(request.spec());
        EndpointOptions endpoint = options.endpoint();
        return new OpenAiEmbeddingModel(options, ApiKeys.read(endpoint, environment),
                limits.of(endpoint.baseUrl(), endpoint.maxConcurrency()));
    }
}
