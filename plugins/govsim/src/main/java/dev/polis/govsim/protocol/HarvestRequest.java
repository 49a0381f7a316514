package dev.polis.govsim.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks one agent how much it takes this month.
 *
 * @param context          the month
 * @param profile          who is asked
 * @param date             the agent's own date for the harvest (the month's first day, or the newcomer's own clock)
 * @param pool             the resource available now; the agent may ask for anything from 0 to this (or more:
 *                         requests are not clamped)
 * @param events           the always-remember observations of this harvest, in order: the pool sentence, then the
 *                         universalization hint when that experiment is on
 * @param universalization the universalization hint alone, when the experiment is on
 * @param history          the agent's own past harvests, oldest first
 */
public record HarvestRequest(MonthContext context, AgentProfile profile, LocalDate date, int pool,
                             List<String> events, Optional<String> universalization, List<HarvestRecord> history) {

    /** Checks the components and copies the lists. */
    public HarvestRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(date, "date");
        events = List.copyOf(events);
        universalization = universalization == null ? Optional.empty() : universalization;
        history = List.copyOf(history);
    }
}
