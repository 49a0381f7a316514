package dev.polis.openai.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.Usage;
import dev.polis.openai.wire.FinishReasons;
import dev.polis.openai.wire.WireResponses;

/** Adds up the chunks of a streamed answer: text, finish reason, usage and model name. */
final class StreamAccumulator {

    private final StringBuilder text = new StringBuilder();
    private FinishReason finishReason;
    private Usage usage = Usage.NONE;
    private String model;
    private int pieces;

    StreamAccumulator(String model) {
        this.model = model;
    }

    /** Takes one chunk and returns its new text, or {@code null} when it brings none. */
    String accept(JsonNode chunk) {
        if (chunk.hasNonNull("model")) {
            model = chunk.get("model").asText();
        }
        if (chunk.has("usage") && chunk.get("usage").isObject()) {
            usage = WireResponses.parseUsage(chunk.get("usage"));
        }
        JsonNode choice = chunk.path("choices").path(0);
        String reason = WireResponses.textOrNull(choice.get("finish_reason"));
        if (reason != null) {
            finishReason = FinishReasons.fromWire(reason);
        }
        String piece = WireResponses.textOrNull(choice.path("delta").get("content"));
        if (piece == null || piece.isEmpty()) {
            return null;
        }
        text.append(piece);
        pieces++;
        return piece;
    }

    /** Returns how many pieces of text arrived. */
    int pieces() {
        return pieces;
    }

    /** Returns whether a chunk said why generation ended. */
    boolean finished() {
        return finishReason != null;
    }

    ChatResponse response() {
        return new ChatResponse(text.toString(), finishReason, usage, model);
    }
}
