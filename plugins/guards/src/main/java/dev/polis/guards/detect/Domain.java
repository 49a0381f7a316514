package dev.polis.guards.detect;

import dev.polis.api.chat.Privilege;

/** Says whether a text is direct input (a user's or a developer's words) or embedded data (tool output, a model's). */
public enum Domain {
    /** Text of USER privilege or higher: instructions in it may be legitimate requests. */
    DIRECT,
    /** Text of MODEL or TOOL privilege: instructions in it, addressed to the assistant, are injections. */
    EMBEDDED;

    /** Returns the domain of a text arriving with {@code privilege}. */
    public static Domain of(Privilege privilege) {
        return privilege.compareTo(Privilege.USER) >= 0 ? DIRECT : EMBEDDED;
    }
}
