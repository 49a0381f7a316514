package dev.polis.openai.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ModelSpec;

/**
 * How to reach one model of an OpenAI-compatible server: base URL, model name, key variable, timeouts, retries,
 * concurrency and headers, the settings every {@code openai} model (chat or embeddings) shares.
 *
 * <p>The base URL is the spec's location ({@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b}) or the
 * {@code baseUrl} option; the model is the part after {@code #} or the {@code model} option. The API key is
 * never an option: {@code apiKeyEnv} names the environment variable that holds it.
 *
 * @param baseUrl        the server's base URL, ending before the endpoint path ({@code /chat/completions},
 *                       {@code /embeddings}), without a trailing slash
 * @param model          the model name sent to the server
 * @param apiKeyEnv      the environment variable holding the API key, or {@code null} for a server without a key
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout    the longest wait for the response headers and, after them, between two pieces of the body
 * @param retry          how failed attempts are retried
 * @param maxConcurrency the most requests in flight to this base URL from this provider
 * @param headers        extra request headers
 */
public record EndpointOptions(URI baseUrl, String model, String apiKeyEnv, Duration connectTimeout,
                              Duration readTimeout, RetryPolicy retry, int maxConcurrency,
                              Map<String, String> headers) {

    /** The option names every {@code openai} model accepts. */
    public static final Set<String> KNOWN = Set.of("baseUrl", "model", "apiKeyEnv", "connectTimeout", "readTimeout",
            "maxRetries", "initialBackoff", "maxBackoff", "maxRetryWait", "maxConcurrency", "headers");

    /** Checks the components. */
    public EndpointOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        headers = Map.copyOf(headers);
        if (maxConcurrency < 1) {
            throw new InvalidInputException("maxConcurrency must be at least 1 but was " + maxConcurrency);
        }
    }

    /** Returns the endpoint and model as messages name them: {@code http://host/v1 (model qwen)}. */
    public String label() {
        return baseUrl + " (model " + model + ")";
    }

    /**
     * Reads the shared options of {@code spec}.
     *
     * @param ownOptions the further option names the calling model reads itself (they are accepted here, not read)
     * @throws InvalidInputException when the base URL or model is missing or malformed, an option is unknown or
     *                               has a wrong value, or an API key is given inline
     */
    public static EndpointOptions from(ModelSpec spec, Set<String> ownOptions) {
        Map<String, Object> options = spec.options();
        for (String name : options.keySet()) {
            if (name.equalsIgnoreCase("apiKey") || name.equalsIgnoreCase("api_key") || name.equalsIgnoreCase("key")) {
                throw new InvalidInputException("openai: the option '" + name + "' is refused, so that keys never "
                        + "land in configuration files or records; put the key in an environment variable and name "
                        + "that variable with apiKeyEnv, for example apiKeyEnv: OPENAI_API_KEY");
            }
            if (!KNOWN.contains(name) && !ownOptions.contains(name)) {
                Set<String> known = new TreeSet<>(KNOWN);
                known.addAll(ownOptions);
                throw new InvalidInputException("openai: unknown option '" + name + "'; known options: "
                        + String.join(", ", known));
            }
        }
        URI baseUrl = baseUrl(spec);
        String model = !spec.model().isBlank() ? spec.model().strip() : OptionValues.string(options, "model", "");
        if (model.isBlank()) {
            throw new InvalidInputException("openai: no model named for " + baseUrl + "; write openai:" + baseUrl
                    + "#<model>, for example openai:http://127.0.0.1:11434/v1#qwen2.5:7b, or set the model option");
        }
        RetryPolicy retry = new RetryPolicy(OptionValues.integer(options, "maxRetries", 3),
                OptionValues.duration(options, "initialBackoff", Duration.ofMillis(500)),
                OptionValues.duration(options, "maxBackoff", Duration.ofSeconds(30)),
                OptionValues.duration(options, "maxRetryWait", Duration.ofMinutes(2)));
        String apiKeyEnv = OptionValues.string(options, "apiKeyEnv", "");
        return new EndpointOptions(baseUrl, model, apiKeyEnv.isBlank() ? null : apiKeyEnv.strip(),
                OptionValues.duration(options, "connectTimeout", Duration.ofSeconds(10)),
                OptionValues.duration(options, "readTimeout", Duration.ofMinutes(5)), retry,
                OptionValues.integer(options, "maxConcurrency", 16), OptionValues.headers(options));
    }

    private static URI baseUrl(ModelSpec spec) {
        String text = !spec.location().isBlank() ? spec.location().strip()
                : OptionValues.string(spec.options(), "baseUrl", "");
        if (text.isBlank()) {
            throw new InvalidInputException("openai: no base URL; write openai:<base url>#<model>, for example "
                    + "openai:http://127.0.0.1:11434/v1#qwen2.5:7b, or set the baseUrl option");
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(text, "expected an http:// or https:// URL with a host");
            }
            if (uri.getUserInfo() != null) {
                throw new InvalidInputException("openai: the base URL must not carry credentials (user:password@); "
                        + "name the environment variable holding the key with apiKeyEnv");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("openai: base URL '" + text + "' is not an http:// or https:// URL: "
                    + e.getReason() + "; for example http://127.0.0.1:11434/v1", e);
        }
    }
}
