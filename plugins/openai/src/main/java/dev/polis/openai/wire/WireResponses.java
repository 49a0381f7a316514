package dev.polis.openai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.api.chat.Usage;

/** Writes and reads chat-completion responses and streamed chunks. */
public final class WireResponses {

    private WireResponses() {
    }

    /** Returns the body of a complete (not streamed) answer. */
    public static ObjectNode completion(ChatResponse response, String id, long created, String model) {
        ObjectNode body = header(id, "chat.completion", created, model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (response.callsTools() && response.text().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", response.text());
        }
        if (response.callsTools()) {
            message.set("tool_calls", WireToolCalls.toJson(response.toolCalls()));
        }
        choice.put("finish_reason", finishReason(response));
        body.set("usage", usage(response.usage()));
        return body;
    }

    /**
     * Returns one streamed chunk.
     *
     * @param content      the new text, or {@code null} for none
     * @param firstChunk   whether the delta should announce the assistant role
     * @param finishReason the reason, for the last chunk only; otherwise {@code null}
     * @param usage        the token counts, for the last chunk only; otherwise {@code null}
     */
    public static ObjectNode chunk(String id, long created, String model, String content, boolean firstChunk,
                                   FinishReason finishReason, Usage usage) {
        ObjectNode body = header(id, "chat.completion.chunk", created, model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (firstChunk) {
            delta.put("role", "assistant");
        }
        if (content != null) {
            delta.put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", FinishReasons.toWire(finishReason));
        }
        if (usage != null) {
            body.set("usage", usage(usage));
        }
        return body;
    }

    /**
     * Returns one streamed chunk carrying a piece of a tool call in {@code delta.tool_calls}.
     *
     * @param firstChunk whether the delta should announce the assistant role
     */
    public static ObjectNode toolCallChunk(String id, long created, String model, ToolCallFragment fragment,
                                           boolean firstChunk) {
        ObjectNode body = header(id, "chat.completion.chunk", created, model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (firstChunk) {
            delta.put("role", "assistant");
        }
        delta.putArray("tool_calls").add(WireToolCalls.fragment(fragment));
        choice.putNull("finish_reason");
        return body;
    }

    /** Returns the wire finish reason; an answer that calls tools ends with {@code tool_calls}. */
    public static String finishReason(ChatResponse response) {
        return FinishReasons.toWire(effectiveFinishReason(response));
    }

    /** Returns the response's finish reason, or {@link FinishReason#TOOL_CALLS} when it calls tools and just stopped. */
    public static FinishReason effectiveFinishReason(ChatResponse response) {
        boolean plainEnd = response.finishReason() == FinishReason.STOP
                || response.finishReason() == FinishReason.UNKNOWN;
        return response.callsTools() && plainEnd ? FinishReason.TOOL_CALLS : response.finishReason();
    }

    private static ObjectNode header(String id, String object, long created, String model) {
        ObjectNode body = WireJson.object();
        body.put("id", id).put("object", object).put("created", created).put("model", model);
        return body;
    }

    private static ObjectNode usage(Usage usage) {
        return WireJson.object().put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens()).put("total_tokens", usage.totalTokens());
    }

    /**
     * Reads a complete answer.
     *
     * @param fallbackModel the model name to use when the body names none
     * @throws WireFormatException when the body has no {@code choices[0].message}
     */
    public static ChatResponse parseCompletion(JsonNode body, String fallbackModel) {
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new WireFormatException("the body has no choices[0].message object", "choices");
        }
        JsonNode content = message.get("content");
        String text = content == null || content.isNull() ? "" : content.asText();
        return new ChatResponse(text, FinishReasons.fromWire(textOrNull(choice.get("finish_reason"))),
                parseUsage(body.get("usage")), body.path("model").asText(fallbackModel),
                WireToolCalls.fromJson(message.get("tool_calls"), "choices[0].message.tool_calls"));
    }

    /** Reads a {@code usage} object; {@code null} or a missing object gives {@link Usage#NONE}. */
    public static Usage parseUsage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        return new Usage(Math.max(0, usage.path("prompt_tokens").asInt(0)),
                Math.max(0, usage.path("completion_tokens").asInt(0)));
    }

    /** Returns the text of a node, or {@code null} for a missing or JSON-null node. */
    public static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
