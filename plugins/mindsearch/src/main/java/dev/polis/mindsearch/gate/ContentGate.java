package dev.polis.mindsearch.gate;

import dev.polis.api.chat.Message;
import java.util.List;

/**
 * Admits a TOOL-privilege message (search results, a page, the searchers' answers) into a prompt, possibly
 * rewritten or withheld by the configured guards.
 */
@FunctionalInterface
public interface ContentGate {

    /** Returns the message to put in the prompt, given the messages already there. */
    Message admit(Message message, List<Message> context);

    /** Returns a gate that admits everything unchanged, for when no guard is configured. */
    static ContentGate open() {
        return (message, context) -> message;
    }
}
