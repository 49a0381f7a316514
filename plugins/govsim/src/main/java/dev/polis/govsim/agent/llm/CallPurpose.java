package dev.polis.govsim.agent.llm;

import java.util.Locale;

/** Says what a model call of the LLM agent is for; it labels the call in the records and in the call counts. */
public enum CallPurpose {
    /** The harvest decision. */
    HARVEST,
    /** Rating a new memory's importance. */
    IMPORTANCE,
    /** One line of the group chat. */
    UTTERANCE,
    /** A planning or memorable thought about the finished chat. */
    CHAT_THOUGHT,
    /** The end-of-month insights. */
    INSIGHTS,
    /** The framework model's one-sentence chat summary. */
    SUMMARY,
    /** The framework model's agreed-limit extraction. */
    AGREED_LIMIT,
    /** The second ask of a harvest answer without an answer line ({@code parseFallback: reask}). */
    HARVEST_REASK;

    /** Returns the lower-case name used in records ({@code chat_thought}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
