package dev.polis.openai.client;

import java.util.List;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ModelSpec;

/**
 * The settings of one {@code openai} chat model, read from its spec and configuration block: the
 * {@link EndpointOptions} every {@code openai} model shares, plus the chat-only ones.
 *
 * @param endpoint      how to reach the model (base URL, model, key variable, timeouts, retries, limits, headers)
 * @param streamUsage   whether streams ask for a final usage chunk ({@code stream_options.include_usage})
 * @param developerRole the wire role for developer messages: {@code system} (default) or {@code developer}
 */
public record OpenAiOptions(EndpointOptions endpoint, boolean streamUsage, String developerRole) {

    /** The option names only chat models read. */
    public static final Set<String> CHAT_ONLY = Set.of("streamUsage", "developerRole");

    /**
     * Reads the options of {@code spec}.
     *
     * @throws InvalidInputException when the base URL or model is missing or malformed, an option is unknown or
     *                               has a wrong value, or an API key is given inline
     */
    public static OpenAiOptions from(ModelSpec spec) {
        EndpointOptions endpoint = EndpointOptions.from(spec, CHAT_ONLY);
        String developerRole = OptionValues.string(spec.options(), "developerRole", "system");
        if (!List.of("system", "developer").contains(developerRole)) {
            throw new InvalidInputException("openai: developerRole must be system or developer but was '"
                    + developerRole + "'");
        }
        return new OpenAiOptions(endpoint,
                Boolean.parseBoolean(OptionValues.string(spec.options(), "streamUsage", "true")), developerRole);
    }
}
