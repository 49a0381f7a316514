package dev.polis.core.calls;

import java.util.Objects;
import java.util.Optional;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ToolDefinition;

/** Describes how two requests differ in their tools, tool choice or response format, for replay mismatches. */
final class ToolDiff {

    private ToolDiff() {
    }

    /** Returns the first difference in tools, tool choice or response format, or empty when there is none. */
    static Optional<String> describe(ChatRequest recorded, ChatRequest actual) {
        if (!recorded.tools().equals(actual.tools())) {
            int common = Math.min(recorded.tools().size(), actual.tools().size());
            for (int i = 0; i < common; i++) {
                ToolDefinition expected = recorded.tools().get(i);
                ToolDefinition got = actual.tools().get(i);
                if (!expected.equals(got)) {
                    return Optional.of("tools[" + i + "] differs: expected " + expected + " but got " + got);
                }
            }
            return Optional.of("the request offers " + actual.tools().size() + " tools where the recording offers "
                    + recorded.tools().size() + ": expected " + names(recorded) + " but got " + names(actual));
        }
        if (!Objects.equals(recorded.toolChoice(), actual.toolChoice())) {
            return Optional.of("toolChoice differs: expected " + recorded.toolChoice() + " but got "
                    + actual.toolChoice());
        }
        if (!Objects.equals(recorded.responseFormat(), actual.responseFormat())) {
            return Optional.of("responseFormat differs: expected " + recorded.responseFormat() + " but got "
                    + actual.responseFormat());
        }
        return Optional.empty();
    }

    private static String names(ChatRequest request) {
        return request.tools().stream().map(ToolDefinition::name).toList().toString();
    }
}
