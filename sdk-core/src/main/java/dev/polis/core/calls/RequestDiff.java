package dev.polis.core.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;

/**
 * Compares a recorded request with a new one and describes the first difference compactly: the index of the
 * first differing message with excerpts around the first differing character, or the differing settings.
 */
final class RequestDiff {

    private static final int CONTEXT = 40;

    private RequestDiff() {
    }

    /**
     * Returns whether the two requests ask the same thing (messages, settings, tools, tool choice and response
     * format; metadata is ignored).
     */
    static boolean sameQuestion(ChatRequest recorded, ChatRequest actual) {
        return recorded.messages().equals(actual.messages()) && recorded.settings().equals(actual.settings())
                && recorded.tools().equals(actual.tools()) && Objects.equals(recorded.toolChoice(), actual.toolChoice())
                && Objects.equals(recorded.responseFormat(), actual.responseFormat());
    }

    /**
     * Tells whether two requests hold the same conversation: each message's role, text, tool calls and tool call id,
     * leaving out who wrote a message (source, privilege) and the settings, which a client of {@code polis serve}
     * neither knows nor sends as the recorder saw them.
     */
    static boolean sameConversation(ChatRequest recorded, ChatRequest actual) {
        List<Message> a = recorded.messages();
        List<Message> b = actual.messages();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Message x = a.get(i);
            Message y = b.get(i);
            if (x.role() != y.role() || !x.content().equals(y.content()) || !x.toolCalls().equals(y.toolCalls())
                    || !Objects.equals(x.toolCallId(), y.toolCallId())) {
                return false;
            }
        }
        return true;
    }

    /** Returns the first difference, or empty when the requests ask the same thing. */
    static Optional<String> describe(ChatRequest recorded, ChatRequest actual) {
        List<Message> expected = recorded.messages();
        List<Message> got = actual.messages();
        int common = Math.min(expected.size(), got.size());
        for (int i = 0; i < common; i++) {
            if (!expected.get(i).equals(got.get(i))) {
                return Optional.of(messageDiff(i, expected.get(i), got.get(i)));
            }
        }
        if (expected.size() != got.size()) {
            boolean longer = got.size() > expected.size();
            Message extra = longer ? got.get(common) : expected.get(common);
            return Optional.of("the request has " + got.size() + " messages where the recording has "
                    + expected.size() + "; " + (longer ? "first extra message" : "first missing message")
                    + " [" + common + "] " + label(extra) + " \"" + excerpt(extra.content(), 0) + "\"");
        }
        if (!recorded.settings().equals(actual.settings())) {
            return Optional.of("settings differ: " + settingsDiff(recorded.settings(), actual.settings()));
        }
        return ToolDiff.describe(recorded, actual);
    }

    private static String messageDiff(int index, Message expected, Message got) {
        if (!expected.content().equals(got.content())) {
            int at = firstDifference(expected.content(), got.content());
            return "message [" + index + "] differs at character " + at + ": expected " + label(expected) + " \""
                    + excerpt(expected.content(), at) + "\" but got " + label(got) + " \""
                    + excerpt(got.content(), at) + "\"";
        }
        if (!expected.toolCalls().equals(got.toolCalls()) || !expected.toolCallId().equals(got.toolCallId())) {
            return "message [" + index + "] has the same text but differs in its tool calls or call id: expected "
                    + expected.toolCalls() + " answering '" + expected.toolCallId() + "' but got " + got.toolCalls()
                    + " answering '" + got.toolCallId() + "'";
        }
        return "message [" + index + "] has the same text but differs in role, privilege or source: expected "
                + label(expected) + " but got " + label(got);
    }

    private static String label(Message message) {
        return message.role().wireName() + "/" + message.privilege().name().toLowerCase(java.util.Locale.ROOT)
                + (message.source().isEmpty() ? "" : " from '" + message.source() + "'");
    }

    private static int firstDifference(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        for (int i = 0; i < limit; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return limit;
    }

    /** Returns up to {@value #CONTEXT} characters either side of {@code at}, on one line. */
    static String excerpt(String text, int at) {
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(text.length(), at + CONTEXT);
        String body = text.substring(from, to).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\"", "\\\"");
        return (from > 0 ? "…" : "") + body + (to < text.length() ? "…" : "");
    }

    private static String settingsDiff(GenerationSettings a, GenerationSettings b) {
        List<String> parts = new ArrayList<>();
        field(parts, "temperature", a.temperature(), b.temperature());
        field(parts, "topP", a.topP(), b.topP());
        field(parts, "topK", a.topK(), b.topK());
        field(parts, "maxTokens", a.maxTokens(), b.maxTokens());
        field(parts, "stop", a.stop(), b.stop());
        field(parts, "seed", a.seed(), b.seed());
        return String.join(", ", parts);
    }

    private static void field(List<String> parts, String name, Object expected, Object got) {
        if (!Objects.equals(expected, got)) {
            parts.add(name + " expected " + expected + " but got " + got);
        }
    }
}
