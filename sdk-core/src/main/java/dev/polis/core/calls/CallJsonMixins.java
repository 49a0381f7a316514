package dev.polis.core.calls;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolDefinition;

/**
 * Leaves empty tool fields and an empty response endpoint out of {@code calls.jsonl}, so that calls without tools
 * from a one-server model are written as before those fields existed; reading fills them back in (empty list,
 * {@code ""}).
 */
final class CallJsonMixins {

    private CallJsonMixins() {
    }

    /** Adds the mix-ins to {@code builder}. */
    static JsonMapper.Builder install(JsonMapper.Builder builder) {
        return builder.addMixIn(Message.class, MessageMixin.class)
                .addMixIn(ChatResponse.class, ResponseMixin.class)
                .addMixIn(ChatRequest.class, RequestMixin.class);
    }

    abstract static class MessageMixin {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<ToolCall> toolCalls();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract String toolCallId();
    }

    abstract static class ResponseMixin {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<ToolCall> toolCalls();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract String endpoint();
    }

    abstract static class RequestMixin {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<ToolDefinition> tools();
    }
}
