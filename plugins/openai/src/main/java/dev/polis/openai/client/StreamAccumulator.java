package dev.polis.openai.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.api.chat.Usage;
import dev.polis.openai.wire.FinishReasons;
import dev.polis.openai.wire.WireResponses;
import dev.polis.openai.wire.WireToolCalls;

/**
 * Adds up the chunks of a streamed answer: text, tool calls (pieces joined by their {@code index}), finish reason,
 * usage and model name.
 */
final class StreamAccumulator {

    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private FinishReason finishReason;
    private Usage usage = Usage.NONE;
    private String model;
    private int pieces;

    StreamAccumulator(String model) {
        this.model = model;
    }

    /**
     * Takes one chunk, hands its new text and tool call pieces to {@code listener}, and returns how many pieces it
     * handed out.
     *
     * @throws AttemptFailure when a tool call piece continues a call that never started (no id or name)
     */
    int accept(JsonNode chunk, ChatStreamListener listener) throws AttemptFailure {
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
        int delivered = 0;
        String piece = WireResponses.textOrNull(choice.path("delta").get("content"));
        if (piece != null && !piece.isEmpty()) {
            text.append(piece);
            pieces++;
            delivered++;
            listener.onText(piece);
        }
        JsonNode toolCalls = choice.path("delta").path("tool_calls");
        for (int i = 0; i < toolCalls.size(); i++) {
            ToolCallFragment fragment = WireToolCalls.fragmentFromJson(toolCalls.get(i), i);
            PartialCall call = calls.computeIfAbsent(fragment.index(), k -> new PartialCall());
            call.add(fragment);
            if (call.id == null || call.name == null) {
                throw new AttemptFailure("the server streamed arguments of tool call " + fragment.index()
                        + " before its id and function name", false, null, null);
            }
            pieces++;
            delivered++;
            listener.onToolCallFragment(fragment);
        }
        return delivered;
    }

    /** Returns how many pieces of text and tool calls arrived. */
    int pieces() {
        return pieces;
    }

    /** Returns whether a chunk said why generation ended. */
    boolean finished() {
        return finishReason != null;
    }

    /** Returns what a stream cut now leaves unfinished: the last tool call begun, or {@code ""} when none. */
    String unfinishedToolCall() {
        if (calls.isEmpty()) {
            return "";
        }
        Map.Entry<Integer, PartialCall> last = ((TreeMap<Integer, PartialCall>) calls).lastEntry();
        return "in the middle of tool call " + last.getKey() + " (" + last.getValue().name + ", id "
                + last.getValue().id + ") after " + last.getValue().arguments.length() + " characters of its arguments";
    }

    ChatResponse response() {
        List<ToolCall> complete = new ArrayList<>();
        calls.values().forEach(call -> complete.add(new ToolCall(call.id, call.name, call.arguments.toString())));
        return new ChatResponse(text.toString(), finishReason, usage, model, complete);
    }

    /** The pieces of one tool call received so far. */
    private static final class PartialCall {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        void add(ToolCallFragment fragment) {
            if (fragment.id() != null && id == null) {
                id = fragment.id();
            }
            if (fragment.name() != null && name == null) {
                name = fragment.name();
            }
            arguments.append(fragment.arguments());
        }
    }
}
