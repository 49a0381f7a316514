package dev.polis.api.chat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.polis.api.InvalidInputException;

/** Checks that a request's tools, tool choice and tool results fit together, naming the field at fault. */
final class ToolUseChecks {

    private ToolUseChecks() {
    }

    static void check(List<Message> messages, List<ToolDefinition> tools, ToolChoice choice) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String name = tools.get(i).name();
            if (!names.add(name)) {
                throw new InvalidInputException("tools[" + i + "].name: the tool '" + name
                        + "' is defined twice; give each tool its own name");
            }
        }
        if (choice != null && choice.mode() != ToolChoice.Mode.AUTO && choice.mode() != ToolChoice.Mode.NONE) {
            if (tools.isEmpty()) {
                throw new InvalidInputException("toolChoice: " + describe(choice)
                        + " needs tools, but the request defines none; add them to tools or leave toolChoice out");
            }
            if (choice.mode() == ToolChoice.Mode.NAMED && !names.contains(choice.toolName())) {
                throw new InvalidInputException("toolChoice: names the tool '" + choice.toolName()
                        + "' but the request defines only " + String.join(", ", names));
            }
        }
        Set<String> callIds = new LinkedHashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            message.toolCalls().forEach(call -> callIds.add(call.id()));
            if (message.isToolResult() && !callIds.contains(message.toolCallId())) {
                throw new InvalidInputException("messages[" + i + "].toolCallId: '" + message.toolCallId()
                        + "' answers no tool call of an earlier assistant message"
                        + (callIds.isEmpty() ? " (there is none)" : " (their ids: " + String.join(", ", callIds) + ")")
                        + "; give the id of the call this result answers");
            }
        }
    }

    private static String describe(ToolChoice choice) {
        return choice.mode() == ToolChoice.Mode.NAMED ? "the named tool '" + choice.toolName() + "'" : "'required'";
    }
}
