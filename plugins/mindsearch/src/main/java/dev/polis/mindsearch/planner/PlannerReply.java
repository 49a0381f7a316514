package dev.polis.mindsearch.planner;

import java.util.Optional;

/**
 * A planner reply in the code protocol, split into its thought and its code block; a reply without code is an answer.
 *
 * @param thought the text before the code (or the whole reply when there is no code)
 * @param code    the code to run, when the reply has any
 */
public record PlannerReply(String thought, Optional<String> code) {

    private static final String ACTION_START = "<|action_start|>";
    private static final String INTERPRETER = "<|interpreter|>";
    private static final String ACTION_END = "<|action_end|>";

    /**
     * Reads a reply: the original's {@code <|action_start|><|interpreter|>} marker (with or without the newline the
     * English prompt has, cut at {@code <|action_end|>}), else a fenced code block that uses the graph; otherwise the
     * reply is a plain answer.
     */
    public static PlannerReply parse(String text) {
        String reply = text == null ? "" : text;
        int marker = reply.indexOf(ACTION_START + INTERPRETER);
        if (marker < 0) {
            marker = reply.indexOf(INTERPRETER);
        }
        if (marker >= 0) {
            int bodyStart = reply.indexOf(INTERPRETER, marker) + INTERPRETER.length();
            String action = reply.substring(bodyStart);
            int end = action.indexOf(ACTION_END);
            if (end >= 0) {
                action = action.substring(0, end);
            }
            return new PlannerReply(reply.substring(0, marker).strip(), Optional.of(extractCode(action)));
        }
        Optional<int[]> fence = fence(reply);
        if (fence.isPresent()) {
            String code = body(reply, fence.get());
            if (code.contains("graph.") || code.contains("WebSearchGraph")) {
                return new PlannerReply(reply.substring(0, fence.get()[0]).strip(), Optional.of(code));
            }
        }
        return new PlannerReply(reply.strip(), Optional.empty());
    }

    /** Returns the code of an action: its first fenced block, else its first backquoted span, else all of it. */
    static String extractCode(String action) {
        Optional<int[]> fence = fence(action);
        if (fence.isPresent()) {
            return body(action, fence.get());
        }
        int open = action.indexOf('`');
        int close = open < 0 ? -1 : action.indexOf('`', open + 1);
        if (open >= 0 && close > open + 1) {
            return action.substring(open + 1, close);
        }
        return action.strip();
    }

    /** Finds the first fenced block: {start of the fence, start of its body, end of its body}. */
    private static Optional<int[]> fence(String text) {
        int open = text.indexOf("```");
        if (open < 0) {
            return Optional.empty();
        }
        int lineEnd = text.indexOf('\n', open);
        if (lineEnd < 0) {
            return Optional.empty();
        }
        int close = text.indexOf("```", lineEnd);
        return Optional.of(new int[] {open, lineEnd + 1, close < 0 ? text.length() : close});
    }

    private static String body(String text, int[] fence) {
        return text.substring(fence[1], fence[2]);
    }
}
