package dev.polis.govsim.protocol;

import java.util.Objects;

/**
 * One line of the group chat.
 *
 * @param speakerId   the agent id, or {@value #MAYOR_ID} for the mayor's report
 * @param speakerName the name shown in the transcript ({@value #MAYOR_NAME} for the report)
 * @param text        what was said
 */
public record ConversationEntry(String speakerId, String speakerName, String text) {

    /** The agent id the mayor's report is logged under, as in the original. */
    public static final String MAYOR_ID = "framework";
    /** The name the mayor's report is shown under. */
    public static final String MAYOR_NAME = "Mayor";

    /** Checks the components. */
    public ConversationEntry {
        Objects.requireNonNull(speakerId, "speakerId");
        Objects.requireNonNull(speakerName, "speakerName");
        text = text == null ? "" : text;
    }

    /** Returns whether this is the mayor's report rather than an agent's turn. */
    public boolean isMayor() {
        return MAYOR_ID.equals(speakerId);
    }
}
