package dev.polis.core.calls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import dev.polis.api.chat.ModelSpec;

/**
 * Removes secrets from a {@link ModelSpec} before it is written to a record or a log line.
 *
 * <p>Removed: user information in a URL location ({@code https://user:pass@host}), the values of query
 * parameters and of options whose names suggest a secret ({@code key}, {@code token}, {@code secret},
 * {@code password}, {@code auth}, {@code cookie}, {@code credential}, {@code signature}), also inside nested
 * maps such as {@code headers}. Options ending in {@code Env} name an environment variable rather than hold
 * a secret ({@code apiKeyEnv: OPENAI_API_KEY}) and are kept.
 */
public final class SpecRedaction {

    /** The text that replaces a removed secret. */
    public static final String MASK = "***";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(key|token|secret|passw|auth|cookie|credential|signature).*");

    private SpecRedaction() {
    }

    /** Returns a copy of {@code spec} without secrets. */
    public static ModelSpec redact(ModelSpec spec) {
        return new ModelSpec(spec.provider(), redactLocation(spec.location()), spec.model(),
                redactMap(spec.options()));
    }

    /** Returns whether an option or parameter called {@code name} is treated as a secret. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !name.toLowerCase(Locale.ROOT).endsWith("env");
    }

    static String redactLocation(String location) {
        if (!location.contains("://")) {
            return location;
        }
        try {
            URI uri = new URI(location);
            String query = uri.getRawQuery() == null ? null : redactQuery(uri.getRawQuery());
            URI clean = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath(), null, null);
            String text = clean.toString();
            return query == null ? text : text + "?" + query;
        } catch (URISyntaxException e) {
            int at = location.indexOf('@');
            return at < 0 ? location : location.substring(0, location.indexOf("://") + 3) + location.substring(at + 1);
        }
    }

    private static String redactQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(eq >= 0 && isSecretName(name) ? name + "=" + MASK : pair);
        }
        return out.toString();
    }

    private static Map<String, Object> redactMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            copy.put(name, isSecretName(name) && !(value instanceof Map<?, ?>) ? MASK : redactValue(value));
        });
        return copy;
    }

    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> nested) {
            return redactMap(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SpecRedaction::redactValue).toList();
        }
        return value;
    }
}
