package dev.polis.api.chat;

import java.util.Map;
import java.util.Objects;
import dev.polis.api.InvalidInputException;
import org.apiguardian.api.API;

/**
 * Names a chat model in one string: {@code provider:location#model}.
 *
 * <p>Examples: {@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b}, {@code local:models/tiny},
 * {@code replay:runs/r1/calls.jsonl}. The provider part selects a {@link ChatModelProvider} by id; the
 * location and model parts are the provider's to interpret.
 *
 * @param provider the provider id, before the first {@code :}
 * @param location what follows, up to the last {@code #} (may be empty)
 * @param model    what follows the last {@code #} (may be empty)
 * @param options  provider-specific options from a configuration block; never {@code null}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ModelSpec(String provider, String location, String model, Map<String, Object> options) {

    /** Checks the components and copies the options. */
    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        location = location == null ? "" : location;
        model = model == null ? "" : model;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /**
     * Parses {@code provider:location#model}.
     *
     * @throws InvalidInputException when the text has no provider part
     */
    public static ModelSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty model spec: write provider:location#model, for example "
                    + "openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
        }
        int colon = text.indexOf(':');
        String provider = colon < 0 ? text.trim() : text.substring(0, colon).trim();
        if (provider.isEmpty()) {
            throw new InvalidInputException("model spec '" + text + "' has no provider before ':'; write "
                    + "provider:location#model, for example local:models/tiny");
        }
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        int hash = rest.lastIndexOf('#');
        String location = hash < 0 ? rest : rest.substring(0, hash);
        String model = hash < 0 ? "" : rest.substring(hash + 1);
        return new ModelSpec(provider, location, model, Map.of());
    }

    /** Returns the one-string form, {@code provider:location#model}. */
    @Override
    public String toString() {
        return provider + ":" + location + (model.isEmpty() ? "" : "#" + model);
    }
}
