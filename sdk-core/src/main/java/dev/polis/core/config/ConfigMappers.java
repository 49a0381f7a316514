package dev.polis.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Creates the Jackson mappers configuration is read and written with, all strict about unknown fields. */
public final class ConfigMappers {

    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()));

    private ConfigMappers() {
    }

    /** Returns the shared JSON mapper; do not reconfigure it. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Returns the shared YAML mapper; do not reconfigure it. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** Returns the shared mapper for {@code format}. */
    public static ObjectMapper forFormat(ConfigFormat format) {
        return format == ConfigFormat.YAML ? YAML : JSON;
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }
}
