package dev.polis.openai.cli;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import dev.polis.api.chat.ModelSpec;

/**
 * Writes a {@link ModelSpec} for the console without secrets: {@code provider:location#model} with no options
 * (they may hold keys or headers), no user information in a URL location ({@code https://user:pass@host}) and
 * {@code ***} for the values of query parameters whose names suggest a secret ({@code key}, {@code token},
 * {@code secret}, {@code password}, {@code auth}, {@code cookie}, {@code credential}, {@code signature}).
 */
final class SpecText {

    /** The text that replaces a removed secret. */
    static final String MASK = "***";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(key|token|secret|passw|auth|cookie|credential|signature).*");

    private SpecText() {
    }

    /** Returns {@code spec} as {@code provider:location#model}, without options and secrets. */
    static String shown(ModelSpec spec) {
        return new ModelSpec(spec.provider(), location(spec.location()), spec.model(), null).toString();
    }

    /** Returns {@code location} without the user information of a URL and with secret query values masked. */
    static String location(String location) {
        int scheme = location.indexOf("://");
        if (scheme < 0) {
            return location;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < location.length() && "/?".indexOf(location.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = location.lastIndexOf('@', authorityEnd - 1);
        String host = at < authorityStart ? location.substring(authorityStart, authorityEnd)
                : location.substring(at + 1, authorityEnd);
        String rest = location.substring(authorityEnd);
        int question = rest.indexOf('?');
        String shownRest = question < 0 ? rest : rest.substring(0, question + 1) + query(rest.substring(question + 1));
        return location.substring(0, authorityStart) + host + shownRest;
    }

    private static String query(String query) {
        StringJoiner out = new StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.add(eq >= 0 && isSecretName(name) ? name + "=" + MASK : pair);
        }
        return out.toString();
    }

    private static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !name.toLowerCase(Locale.ROOT).endsWith("env");
    }
}
