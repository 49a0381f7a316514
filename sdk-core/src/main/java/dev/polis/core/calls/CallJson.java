package dev.polis.core.calls;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Turns {@link CallRecord}s into single JSON lines and back. */
final class CallJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
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

    /** Parses one line of {@code calls.jsonl}. */
    static CallRecord read(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, CallRecord.class);
    }
}
