package dev.polis.govsim.protocol;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Asks an agent to reflect at the end of the month.
 *
 * @param context the month
 * @param profile who reflects
 * @param date    the agent's date (reflection day)
 * @param focus   the focal points of the reflection (the original uses {@code harvesting})
 */
public record ReflectionRequest(MonthContext context, AgentProfile profile, LocalDate date, java.util.List<String> focus) {

    /** Checks the components. */
    public ReflectionRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(date, "date");
        focus = java.util.List.copyOf(focus);
    }
}
