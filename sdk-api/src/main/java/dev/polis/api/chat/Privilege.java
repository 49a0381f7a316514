package dev.polis.api.chat;

import org.apiguardian.api.API;

/**
 * Ranks where a message's instructions come from: SYSTEM &gt; DEVELOPER &gt; USER &gt; MODEL &gt; TOOL.
 *
 * <p>Following the instruction hierarchy, content of lower privilege (tool output, web pages, other
 * agents' words) must not override instructions of higher privilege. Guards and prompt builders rely on it.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Privilege {
    /** Content whose instructions carry least weight: tool output, web pages, other agents. */
    TOOL,
    /** A model's own output. */
    MODEL,
    /** The user's instructions. */
    USER,
    /** The application developer's instructions. */
    DEVELOPER,
    /** The deployer's instructions: the rules of the game. */
    SYSTEM;

    /** Returns whether this privilege is strictly higher than {@code other}. */
    public boolean outranks(Privilege other) {
        return compareTo(other) > 0;
    }
}
