package dev.polis.api.guard;

import java.util.Objects;
import dev.polis.api.chat.Message;
import org.apiguardian.api.API;

/**
 * A guard's decision about one message.
 *
 * @param decision what to do with the message
 * @param message  the message to use from now on: the original, a neutralised copy, or the original when refused
 * @param reason   why, in one sentence; empty when allowed
 * @param score    the guard's confidence that the message is an attack, in [0, 1]
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GuardVerdict(Decision decision, Message message, String reason, double score) {

    /** Checks the components. */
    public GuardVerdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(message, "message");
        reason = reason == null ? "" : reason;
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
        }
    }

    /** Returns a verdict that lets {@code message} through. */
    public static GuardVerdict allow(Message message) {
        return new GuardVerdict(Decision.ALLOW, message, "", 0);
    }

    /** Returns a verdict that replaces the message with {@code rewritten}. */
    public static GuardVerdict neutralise(Message rewritten, String reason, double score) {
        return new GuardVerdict(Decision.NEUTRALISE, rewritten, reason, score);
    }

    /** Returns a verdict that keeps {@code message} out. */
    public static GuardVerdict refuse(Message message, String reason, double score) {
        return new GuardVerdict(Decision.REFUSE, message, reason, score);
    }
}
