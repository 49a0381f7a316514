package dev.polis.api.chat;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One message of a conversation, saying who speaks, with what privilege, and where the text came from.
 *
 * @param role      who speaks; never {@code null}
 * @param content   the text; never {@code null}
 * @param privilege how much weight its instructions carry; never {@code null}
 * @param source    where the text came from (an agent id, a URL, a tool name), or {@code ""}
 * @param toolCalls the tools an assistant message calls, in order; empty for other messages; never {@code null}
 * @param toolCallId for a tool result, the id of the {@link ToolCall} it answers; otherwise {@code ""}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Message(Role role, String content, Privilege privilege, String source, List<ToolCall> toolCalls,
                      String toolCallId) {

    /**
     * Checks the components, replaces a {@code null} source or call id with {@code ""}, and checks that only
     * assistant messages call tools and only tool messages at {@link Privilege#TOOL} answer a call.
     */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(privilege, "privilege");
        source = source == null ? "" : source;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        toolCallId = toolCallId == null ? "" : toolCallId;
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("toolCalls: only assistant messages call tools, not a "
                    + role.wireName() + " message");
        }
        if (!toolCallId.isEmpty() && (role != Role.TOOL || privilege != Privilege.TOOL)) {
            throw new IllegalArgumentException("toolCallId: only tool messages at TOOL privilege answer a tool call,"
                    + " not a " + role.wireName() + " message at " + privilege + "; use Message.toolResult");
        }
    }

    /** Creates a message that neither calls a tool nor answers a call. */
    public Message(Role role, String content, Privilege privilege, String source) {
        this(role, content, privilege, source, List.of(), "");
    }

    /** Creates a message with the role's default privilege and no source. */
    public Message(Role role, String content) {
        this(role, content, role.defaultPrivilege(), "");
    }

    /** Creates a system message. */
    public static Message system(String content) {
        return new Message(Role.SYSTEM, content);
    }

    /** Creates a developer message. */
    public static Message developer(String content) {
        return new Message(Role.DEVELOPER, content);
    }

    /** Creates a user message. */
    public static Message user(String content) {
        return new Message(Role.USER, content);
    }

    /** Creates an assistant (model) message. */
    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content);
    }

    /** Creates a tool message whose text came from {@code source} (a tool, a URL, another agent). */
    public static Message tool(String content, String source) {
        return new Message(Role.TOOL, content, Privilege.TOOL, source);
    }

    /** Creates an assistant message that calls {@code calls} (its text may be empty). */
    public static Message assistant(String content, List<ToolCall> calls) {
        return new Message(Role.ASSISTANT, content, Privilege.MODEL, "", calls, "");
    }

    /**
     * Creates the result of tool call {@code toolCallId} of tool {@code toolName}, at {@link Privilege#TOOL}.
     */
    public static Message toolResult(String toolCallId, String toolName, String content) {
        if (toolCallId == null || toolCallId.isBlank()) {
            throw new IllegalArgumentException("toolCallId: a tool result needs the id of the call it answers");
        }
        return new Message(Role.TOOL, content, Privilege.TOOL, toolName, List.of(), toolCallId);
    }

    /** Returns whether this is an assistant message that calls tools. */
    public boolean callsTools() {
        return !toolCalls.isEmpty();
    }

    /** Returns whether this is the result of a tool call (it has a {@link #toolCallId()}). */
    public boolean isToolResult() {
        return !toolCallId.isEmpty();
    }

    /** Returns a copy with other content, keeping role, privilege, source, tool calls and call id. */
    public Message withContent(String newContent) {
        return new Message(role, newContent, privilege, source, toolCalls, toolCallId);
    }
}
