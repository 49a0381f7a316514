package dev.polis.api.chat;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One message of a conversation, saying who speaks, with what privilege, and where the text came from.
 *
 * @param role      who speaks; never {@code null}
 * @param content   the text; never {@code null}
 * @param privilege how much weight its instructions carry; never {@code null}
 * @param source    where the text came from (an agent id, a URL, a tool name), or {@code ""}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Message(Role role, String content, Privilege privilege, String source) {

    /** Checks the components and replaces a {@code null} source with {@code ""}. */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(privilege, "privilege");
        source = source == null ? "" : source;
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

    /** Returns a copy with other content, keeping role, privilege and source. */
    public Message withContent(String newContent) {
        return new Message(role, newContent, privilege, source);
    }
}
