package dev.polis.core.calls;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Turns {@link CallRecord}s and {@link EmbeddingCallRecord}s into single JSON lines and back. */
final class CallJson {

    private static final ObjectMapper MAPPER = CallJsonMixins.install(JsonMapper.builder())
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CallJson() {
    }

    /** Returns {@code record} as one line of JSON, without the line end. */
    static String write(CallRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write call record " + record.seq() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Returns an embedding call as one line of JSON, without the line end. */
    static String write(EmbeddingCallRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write call record " + record.seq() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Parses one chat call line of {@code calls.jsonl}. */
    static CallRecord read(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, CallRecord.class);
    }

    /** Returns whether {@code line} is an embedding call rather than a chat call. */
    static boolean isEmbedding(String line) throws JsonProcessingException {
        JsonNode kind = MAPPER.readTree(line).get("kind");
        return kind != null && EmbeddingCallRecord.KIND.equals(kind.asText());
    }

    /** Parses one embedding call line of {@code calls.jsonl}. */
    static EmbeddingCallRecord readEmbedding(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, EmbeddingCallRecord.class);
    }
}
