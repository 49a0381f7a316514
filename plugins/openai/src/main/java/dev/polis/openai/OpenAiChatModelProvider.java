package dev.polis.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.openai.client.ApiKeys;
import dev.polis.openai.client.EndpointLimits;
import dev.polis.openai.client.EndpointList;
import dev.polis.openai.client.EndpointOptions;
import dev.polis.openai.client.FailoverChatModel;
import dev.polis.openai.client.OpenAiChatModel;
import dev.polis.openai.client.OpenAiOptions;
import dev.polis.openai.client.RetryPolicy;
import org.pf4j.Extension;

/**
 * Provides the {@code openai} model: a client of any OpenAI-compatible chat-completions server (Ollama, vLLM,
 * llama.cpp's server, LM Studio, hosted APIs, {@code polis serve}).
 *
 * <p>Spec: {@code openai:<base url>#<model>}, for example {@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b};
 * the options are described on {@link EndpointOptions} and {@link OpenAiOptions}. The API key is read from the
 * environment variable named by {@code apiKeyEnv} when the model is created. All models of this provider share
 * one concurrency limit per base URL. A spec naming several servers of one model
 * ({@code openai:http://a/v1,http://b/v1#m}, or the {@code baseUrls} option; see {@link EndpointList}) makes a
 * {@link FailoverChatModel} that spreads the calls over them and fails over when one cannot answer.
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
        List<ModelSpec> specs = EndpointList.split(request.spec());
        if (specs.size() == 1) {
            OpenAiOptions options = OpenAiOptions.from(specs.getFirst());
            EndpointOptions endpoint = options.endpoint();
            return new OpenAiChatModel(options, ApiKeys.read(endpoint, environment),
                    limits.of(endpoint.baseUrl(), endpoint.maxConcurrency()));
        }
        RetryPolicy retry = OpenAiOptions.from(specs.getFirst()).endpoint().retry();
        List<FailoverChatModel.Server> servers = new ArrayList<>();
        for (ModelSpec spec : specs) {
            Map<String, Object> once = new LinkedHashMap<>(spec.options());
            once.put("maxRetries", 0); // the failover model retries, over every server
            OpenAiOptions options = OpenAiOptions.from(new ModelSpec(spec.provider(), spec.location(), spec.model(),
                    once));
            EndpointOptions endpoint = options.endpoint();
            Semaphore permits = limits.of(endpoint.baseUrl(), endpoint.maxConcurrency());
            servers.add(new FailoverChatModel.Server(new OpenAiChatModel(options, ApiKeys.read(endpoint, environment),
                    permits), endpoint.baseUrl().toString(), permits, endpoint.maxConcurrency()));
        }
        String names = String.join(",", servers.stream().map(FailoverChatModel.Server::baseUrl).toList());
        return new FailoverChatModel(servers, retry, ID + ":" + names + "#" + specs.getFirst().model());
    }
}
