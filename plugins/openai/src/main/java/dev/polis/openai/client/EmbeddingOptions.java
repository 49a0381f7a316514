package dev.polis.openai.client;

import java.util.Objects;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ModelSpec;

/**
 * The settings of one {@code openai} embedding model: the {@link EndpointOptions} every {@code openai} model
 * shares, plus the prefix that asymmetric models want before queries.
 *
 * @param endpoint    how to reach the model (base URL, model, key variable, timeouts, retries, limits, headers)
 * @param queryPrefix prepended to each text of a {@link dev.polis.api.embedding.InputKind#QUERY} request, for
 *                    example mxbai's {@code "Represent this sentence for searching relevant passages: "}; empty
 *                    for none
 */
public record EmbeddingOptions(EndpointOptions endpoint, String queryPrefix) {

    /** The option names only embedding models read. */
    public static final Set<String> EMBEDDING_ONLY = Set.of("queryPrefix");

    /** Checks the components. */
    public EmbeddingOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        queryPrefix = queryPrefix == null ? "" : queryPrefix;
    }

    /**
     * Reads the options of {@code spec}.
     *
     * @throws InvalidInputException when the base URL or model is missing or malformed, an option is unknown or
     *                               has a wrong value, or an API key is given inline
     */
    public static EmbeddingOptions from(ModelSpec spec) {
        return new EmbeddingOptions(EndpointOptions.from(spec, EMBEDDING_ONLY),
                OptionValues.string(spec.options(), "queryPrefix", ""));
    }
}
