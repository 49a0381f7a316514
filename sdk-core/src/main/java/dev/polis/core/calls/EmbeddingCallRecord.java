package dev.polis.core.calls;

import java.util.Map;
import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;

/**
 * One line of {@code calls.jsonl} for an embedding call; {@code kind} is {@value #KIND}, which tells it apart
 * from a chat call's {@link CallRecord}.
 *
 * @param kind       always {@value #KIND}
 * @param seq        the call's number in its log, shared with chat calls
 * @param spec       the model spec in one string, with secrets removed
 * @param options    the spec's options, with secret values masked
 * @param startedAt  when the call started, ISO-8601 in UTC
 * @param durationMs how long it took, in milliseconds
 * @param embed      what was asked: the texts, their kind and metadata
 * @param embedding  the vectors, or {@code null} when the call failed
 * @param error      the failure, or {@code null} when the call succeeded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingCallRecord(String kind, long seq, String spec, Map<String, Object> options, String startedAt,
                                  long durationMs, EmbeddingRequest embed, EmbeddingResponse embedding,
                                  CallError error) {

    /** The {@code kind} of embedding lines. */
    public static final String KIND = "embedding";

    /** Checks that the record holds a request and exactly one of response and error. */
    public EmbeddingCallRecord {
        kind = KIND;
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(embed, "embed");
        options = options == null ? Map.of() : options;
        if ((embedding == null) == (error == null)) {
            throw new IllegalArgumentException("an embedding call record holds either a response or an error");
        }
    }
}
