package dev.polis.runtime.chat;

import java.util.List;
import java.util.function.Consumer;

/**
 * Streams an answer's text while holding back whatever may turn out to be a tool call: an answer that begins like
 * one ({@code {}, {@code [}, {@code [TOOL_CALLS]}, {@code <|python_tag|>}) and everything from a {@code <tool_call>}
 * on. At the end the caller either releases the held text (the answer was text) or drops it (it held calls).
 */
final class HeldText implements Consumer<String> {

    private static final List<String> OPENERS = List.of("{", "[", ToolCallParser.MISTRAL_MARK,
            ToolCallParser.LLAMA_MARK, ToolCallParser.QWEN_OPEN);

    private final Consumer<String> sink;
    private final StringBuilder text = new StringBuilder();
    private int released;
    private boolean holdingAll;

    HeldText(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(String piece) {
        text.append(piece);
        if (holdingAll) {
            return;
        }
        String all = text.toString();
        String lead = all.stripLeading();
        if (released == 0 && (lead.isEmpty() || OPENERS.stream().anyMatch(o -> o.startsWith(lead) || lead.startsWith(o)))) {
            holdingAll = !lead.isEmpty() && OPENERS.stream().anyMatch(lead::startsWith);
            return;
        }
        int call = all.indexOf(ToolCallParser.QWEN_OPEN, released);
        if (call >= 0) {
            holdingAll = true;
            release(call);
            return;
        }
        release(all.length() - partialMarker(all));
    }

    /** Hands out everything still held. */
    void releaseAll() {
        holdingAll = false;
        release(text.length());
    }

    private void release(int end) {
        if (end > released) {
            sink.accept(text.substring(released, end));
            released = end;
        }
    }

    /** Returns the length of the longest end of {@code all} that begins a {@code <tool_call>} marker. */
    private int partialMarker(String all) {
        String marker = ToolCallParser.QWEN_OPEN;
        for (int n = Math.min(marker.length() - 1, all.length() - released); n > 0; n--) {
            if (all.endsWith(marker.substring(0, n))) {
                return n;
            }
        }
        return 0;
    }
}
