package dev.polis.core.config;

import java.util.Locale;

/** Names the syntaxes a configuration may be written in, chosen by file extension. */
public enum ConfigFormat {
    /** YAML, from {@code .yaml} or {@code .yml} files. */
    YAML,
    /** JSON, from {@code .json} files. */
    JSON;

    /**
     * Returns the format for a file name by its extension.
     *
     * @throws ConfigException when the extension is none of {@code .yaml}, {@code .yml}, {@code .json}
     */
    public static ConfigFormat forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        throw new ConfigException(fileName, null, "",
                "cannot tell the configuration format from the file name; use a .yaml, .yml or .json file", null);
    }
}
