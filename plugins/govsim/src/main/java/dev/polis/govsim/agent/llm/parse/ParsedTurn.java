package dev.polis.govsim.agent.llm.parse;

import java.util.Optional;
import dev.polis.govsim.protocol.Utterance;

/**
 * One chat turn as read from a model's answer.
 *
 * @param text           what the speaker says, quotes stripped
 * @param concludes      whether the speaker ends the conversation
 * @param conclusionRead whether a yes or no was found (if not, {@code concludes} is the configured default)
 * @param nextSpeaker    the participant named as next speaker, if one was recognised
 * @param rawText        the model's whole answer
 */
public record ParsedTurn(String text, boolean concludes, boolean conclusionRead, Optional<String> nextSpeaker,
                         String rawText) {

    /** Replaces {@code null}s with empty values. */
    public ParsedTurn {
        text = text == null ? "" : text;
        nextSpeaker = nextSpeaker == null ? Optional.empty() : nextSpeaker;
        rawText = rawText == null ? "" : rawText;
    }

    /** Returns the protocol's view of this turn. */
    public Utterance toUtterance() {
        return new Utterance(text, concludes, concludes ? Optional.empty() : nextSpeaker, rawText);
    }
}
