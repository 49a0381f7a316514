package dev.polis.core.calls;

import java.util.Map;
import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;

/**
 * One line of {@code calls.jsonl}: a model call with its request, its response or error, its timing and the
 * model that answered.
 *
 * @param seq          the call's number in its log, given when the call started (1, 2, ...)
 * @param spec         the model spec in one string, with secrets removed ({@link SpecRedaction})
 * @param options      the spec's options, with secret values replaced by {@value SpecRedaction#MASK}
 * @param startedAt    when the call started, ISO-8601 in UTC
 * @param durationMs   how long the call took, in milliseconds
 * @param firstTokenMs for a streamed call, milliseconds until the first piece of text or of a tool call; otherwise {@code null}
 * @param streamed     whether the call was a stream
 * @param request      what was asked (messages with role, privilege, source, tool calls and call ids; settings;
 *                     metadata; tools, tool choice and response format)
 * @param response     the answer with its tool calls, or {@code null} when the call failed
 * @param error        the failure, or {@code null} when the call succeeded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallRecord(long seq, String spec, Map<String, Object> options, String startedAt, long durationMs,
                         Long firstTokenMs, boolean streamed, ChatRequest request, ChatResponse response,
                         CallError error) {

    /** Checks that the record holds a request and exactly one of response and error. */
    public CallRecord {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(request, "request");
        options = options == null ? Map.of() : options;
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("a call record holds either a response or an error");
        }
    }

    /** Returns whether the call failed. */
    public boolean failed() {
        return error != null;
    }
}
