package dev.polis.openai.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ModelSpec;

/**
 * The settings of one {@code openai} model, read from its spec and configuration block.
 *
 * <p>The base URL is the spec's location ({@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b}) or the
 * {@code baseUrl} option; the model is the part after {@code #} or the {@code model} option. The API key is
 * never an option: {@code apiKeyEnv} names the environment variable that holds it.
 *
 * @param baseUrl        the server's base URL, ending before {@code /chat/completions}, without a trailing slash
 * @param model          the model name sent to the server
 * @param apiKeyEnv      the environment variable holding the API key, or {@code null} for a server without a key
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout    the longest wait for the response headers and, after them, between two pieces of the body
 * @param retry          how failed attempts are retried
 * @param maxConcurrency the most requests in flight to this base URL from this provider
 * @param headers        extra request headers
 * @param streamUsage    whether streams ask for a final usage chunk ({@code stream_options.include_usage})
 * @param developerRole  the wire role for developer messages: {@code system} (default) or {@code developer}
 */
public record OpenAiOptions(URI baseUrl, String model, String apiKeyEnv, Duration connectTimeout, Duration readTimeout,
                            RetryPolicy retry, int maxConcurrency, Map<String, String> headers, boolean streamUsage,
                            String developerRole) {

    /** The option names a configuration block may use. */
    public static final Set<String> KNOWN = Set.of("baseUrl", "model", "apiKeyEnv", "connectTimeout", "readTimeout",
            "maxRetries", "initialBackoff", "maxBackoff", "maxRetryWait", "maxConcurrency", "headers", "streamUsage",
            "developerRole");

    /** Checks the components. */
    public OpenAiOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
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
     * Reads the options of {@code spec}.
     *
     * @throws InvalidInputException when the base URL or model is missing or malformed, an option is unknown or
     *                               has a wrong value, or an API key is given inline
     */
    public static OpenAiOptions from(ModelSpec spec) {
        Map<String, Object> options = spec.options();
        for (String name : options.keySet()) {
            if (name.equalsIgnoreCase("apiKey") || name.equalsIgnoreCase("api_key") || name.equalsIgnoreCase("key")) {
                throw new InvalidInputException("openai: the option '" + name + "' is refused, so that keys never "
                        + "land in configuration files or records; put the key in an environment variable and name "
                        + "that variable with apiKeyEnv, for example apiKeyEnv: OPENAI_API_KEY");
            }
            if (!KNOWN.contains(name)) {
                throw new InvalidInputException("openai: unknown option '" + name + "'; known options: "
                        + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        URI baseUrl = baseUrl(spec);
        String model = !spec.model().isBlank() ? spec.model().strip() : string(options, "model", "");
        if (model.isBlank()) {
            throw new InvalidInputException("openai: no model named for " + baseUrl + "; write openai:" + baseUrl
                    + "#<model>, for example openai:http://127.0.0.1:11434/v1#qwen2.5:7b, or set the model option");
        }
        RetryPolicy retry = new RetryPolicy(integer(options, "maxRetries", 3),
                duration(options, "initialBackoff", Duration.ofMillis(500)),
                duration(options, "maxBackoff", Duration.ofSeconds(30)),
                duration(options, "maxRetryWait", Duration.ofMinutes(2)));
        String developerRole = string(options, "developerRole", "system");
        if (!List.of("system", "developer").contains(developerRole)) {
            throw new InvalidInputException("openai: developerRole must be system or developer but was '"
                    + developerRole + "'");
        }
        String apiKeyEnv = string(options, "apiKeyEnv", "");
        return new OpenAiOptions(baseUrl, model, apiKeyEnv.isBlank() ? null : apiKeyEnv.strip(),
                duration(options, "connectTimeout", Duration.ofSeconds(10)),
                duration(options, "readTimeout", Duration.ofMinutes(5)), retry,
                integer(options, "maxConcurrency", 16), headers(options),
                Boolean.parseBoolean(string(options, "streamUsage", "true")), developerRole);
    }

    private static URI baseUrl(ModelSpec spec) {
        String text = !spec.location().isBlank() ? spec.location().strip() : string(spec.options(), "baseUrl", "");
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

    private static String string(Map<String, Object> options, String name, String fallback) {
        Object value = options.get(name);
        return value == null ? fallback : String.valueOf(value);
    }

    private static int integer(Map<String, Object> options, String name, int fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("openai: " + name + " must be a whole number >= 0 but was '" + value + "'",
                    e);
        }
    }

    private static Duration duration(Map<String, Object> options, String name, Duration fallback) {
        Object value = options.get(name);
        Duration parsed = value == null ? fallback : Durations.parse("openai: " + name, value);
        if (parsed.isNegative()) {
            throw new InvalidInputException("openai: " + name + " must not be negative but was '" + value + "'");
        }
        return parsed;
    }

    private static Map<String, String> headers(Map<String, Object> options) {
        Object value = options.get("headers");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException("openai: headers must be a map of header names to values, for example "
                    + "headers: {X-Team: blue}");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        map.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        return headers;
    }
}
