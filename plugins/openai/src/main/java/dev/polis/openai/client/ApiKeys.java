package dev.polis.openai.client;

import java.util.function.Function;
import dev.polis.api.InvalidInputException;

/** Reads a model's API key from the environment variable its {@code apiKeyEnv} option names. */
public final class ApiKeys {

    private ApiKeys() {
    }

    /**
     * Returns the key for {@code options}, or {@code null} when they name no variable (a server without a key).
     *
     * @param environment a variable name to its value, or {@code null} when unset
     * @throws InvalidInputException when the named variable is unset or blank; the message names the variable
     */
    public static String read(EndpointOptions options, Function<String, String> environment) {
        if (options.apiKeyEnv() == null) {
            return null;
        }
        String key = environment.apply(options.apiKeyEnv());
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("openai " + options.label() + ": apiKeyEnv names the environment "
                    + "variable " + options.apiKeyEnv() + ", which is not set; export it with the API key, or "
                    + "remove apiKeyEnv for a server that needs no key");
        }
        return key.strip();
    }
}
