package dev.polis.core.config;

import java.util.Map;

/**
 * A configuration text after {@code ${NAME}} substitution, with the secret values it received.
 *
 * @param text    the text with every reference replaced; its line structure is that of the original
 * @param secrets the values substituted for variables whose names mark them secret, by variable name
 */
public record SubstitutedText(String text, Map<String, String> secrets) {

    /** Copies the map. */
    public SubstitutedText {
        secrets = Map.copyOf(secrets);
    }
}
