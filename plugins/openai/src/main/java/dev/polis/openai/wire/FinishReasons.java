package dev.polis.openai.wire;

import dev.polis.api.chat.FinishReason;

/** Translates {@link FinishReason} to and from the {@code finish_reason} strings of the wire format. */
public final class FinishReasons {

    private FinishReasons() {
    }

    /** Returns the wire name: {@code stop}, {@code length}, {@code tool_calls} or {@code cancelled}. */
    public static String toWire(FinishReason reason) {
        return switch (reason) {
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CANCELLED -> "cancelled";
            case STOP, UNKNOWN -> "stop";
        };
    }

    /** Returns the reason for a wire name; unknown names and {@code null} give {@link FinishReason#UNKNOWN}. */
    public static FinishReason fromWire(String name) {
        if (name == null) {
            return FinishReason.UNKNOWN;
        }
        return switch (name) {
            case "stop", "eos", "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "length", "max_tokens" -> FinishReason.LENGTH;
            case "tool_calls", "function_call", "tool_use" -> FinishReason.TOOL_CALLS;
            case "cancelled" -> FinishReason.CANCELLED;
            default -> FinishReason.UNKNOWN;
        };
    }
}
