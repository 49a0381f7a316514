package dev.polis.api.chat;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Says whether the model may, must or must not call a tool, or which one it must call.
 *
 * @param mode     auto, none, required or named
 * @param toolName the tool to call when {@code mode} is {@link Mode#NAMED}; otherwise {@code ""}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ToolChoice(Mode mode, String toolName) {

    /** The model decides whether to call tools. */
    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, "");
    /** The model answers in text and calls no tool. */
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, "");
    /** The model calls at least one tool. */
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, "");

    /** The ways a model may be asked to use its tools. */
    public enum Mode {
        /** The model decides. */
        AUTO,
        /** No tool call. */
        NONE,
        /** At least one tool call. */
        REQUIRED,
        /** A call of the tool named in {@link ToolChoice#toolName()}. */
        NAMED
    }

    /** Checks that a tool name is given exactly when the mode is {@link Mode#NAMED}. */
    public ToolChoice {
        Objects.requireNonNull(mode, "mode");
        toolName = toolName == null ? "" : toolName;
        if (mode == Mode.NAMED && toolName.isBlank()) {
            throw new IllegalArgumentException("toolChoice: a named tool choice needs the tool's name");
        }
        if (mode != Mode.NAMED && !toolName.isEmpty()) {
            throw new IllegalArgumentException("toolChoice: only a named tool choice carries a tool name, not "
                    + mode.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Returns the choice that makes the model call {@code toolName}. */
    public static ToolChoice named(String toolName) {
        return new ToolChoice(Mode.NAMED, toolName);
    }
}
