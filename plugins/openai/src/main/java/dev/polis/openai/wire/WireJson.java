package dev.polis.openai.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Holds the one JSON mapper the plugin uses for OpenAI payloads. */
public final class WireJson {

    /** The mapper; thread-safe once built. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {
    }

    /** Returns a new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
