package dev.polis.guards.detect;

import java.util.Objects;
import dev.polis.api.chat.Privilege;
import dev.polis.guards.policy.Policy;

/**
 * Asks the {@link InjectionDetector} about one text.
 *
 * @param text      the text
 * @param privilege the privilege it arrives with
 * @param policy    what the conversation's higher-privilege instructions rule out ({@link Policy#NONE} when there
 *                  are none or they are unknown): a USER text that conflicts with it is an attack however ordinary
 *                  its words
 */
public record DetectionRequest(String text, Privilege privilege, Policy policy) {

    /** Checks the components. */
    public DetectionRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(policy, "policy");
    }
}
