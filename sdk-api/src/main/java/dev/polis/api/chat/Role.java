package dev.polis.api.chat;

import org.apiguardian.api.API;

/** Says who speaks in a chat message, in the vocabulary chat templates and OpenAI-compatible servers use. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Role {
    /** Instructions from whoever deploys the system. */
    SYSTEM,
    /** Instructions from the application developer (OpenAI's "developer" role). */
    DEVELOPER,
    /** The end user or the game master addressing a model. */
    USER,
    /** A model's own earlier output. */
    ASSISTANT,
    /** Output of a tool, a search, a web page or another agent. */
    TOOL;

    /** Returns the lower-case name used on the wire ({@code system}, {@code user}, ...). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns the privilege a message in this role gets when its origin says nothing more precise. */
    public Privilege defaultPrivilege() {
        return switch (this) {
            case SYSTEM -> Privilege.SYSTEM;
            case DEVELOPER -> Privilege.DEVELOPER;
            case USER -> Privilege.USER;
            case ASSISTANT -> Privilege.MODEL;
            case TOOL -> Privilege.TOOL;
        };
    }
}
