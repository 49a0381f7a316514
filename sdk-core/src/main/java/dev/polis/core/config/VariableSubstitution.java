package dev.polis.core.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a configuration text with environment values.
 *
 * <p>Substitution works on the raw text before it is parsed, so line numbers in later errors stay right.
 * {@code $${} writes a literal {@code ${}. Lines whose first non-blank character is {@code #} are YAML
 * comments and are left alone, so that a commented-out reference to an unset variable does no harm.
 * A variable whose name contains {@code KEY}, {@code TOKEN}, {@code SECRET} or {@code PASSWORD} is
 * secret: its value is substituted, and remembered so that run records can mask it.
 */
public final class VariableSubstitution {

    private static final String[] SECRET_MARKERS = {"KEY", "TOKEN", "SECRET", "PASSWORD"};

    private final Map<String, String> environment;

    /** Creates a substitution reading variables from {@code environment}. */
    public VariableSubstitution(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** Returns whether a variable name marks its value as secret. */
    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String marker : SECRET_MARKERS) {
            if (upper.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Substitutes every reference in {@code text}.
     *
     * @param source the file or resource name, for error messages
     * @throws ConfigException naming the variable, source and line when a variable without default is unset
     *                         or a reference is not closed
     */
    public SubstitutedText substitute(String text, String source) {
        StringBuilder out = new StringBuilder(text.length());
        Map<String, String> secrets = new LinkedHashMap<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                out.append(c);
                i++;
            } else if (c == '#' && text.substring(lineStart, i).isBlank()) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                int newline = text.indexOf('\n', i + 2);
                SourcePosition at = new SourcePosition(line, i - lineStart + 1);
                if (close < 0 || (newline >= 0 && newline < close)) {
                    throw new ConfigException(source, at, "",
                            "'${' is not closed on the same line; write ${NAME} or ${NAME:-default} (or $${ for a literal ${)",
                            null);
                }
                out.append(resolve(text.substring(i + 2, close), source, at, secrets));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return new SubstitutedText(out.toString(), secrets);
    }

    private String resolve(String reference, String source, SourcePosition at, Map<String, String> secrets) {
        int dash = reference.indexOf(":-");
        String name = (dash < 0 ? reference : reference.substring(0, dash)).trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new ConfigException(source, at, "", "'${" + reference + "}' does not name a variable; write "
                    + "${NAME} or ${NAME:-default} with a name of letters, digits and _", null);
        }
        String value = environment.get(name);
        if (value == null) {
            if (dash < 0) {
                throw new ConfigException(source, at, "", "environment variable " + name + " is not set; set it or "
                        + "give a default as ${" + name + ":-value}", null);
            }
            value = reference.substring(dash + 2);
        }
        if (isSecret(name) && !value.isEmpty()) {
            secrets.put(name, value);
        }
        return value;
    }
}
