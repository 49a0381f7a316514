package dev.polis.govsim.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Describes the month being played, the same for every agent.
 *
 * @param scenario          which commons is played
 * @param month             the 0-based month index ({@code round} in the original's logs)
 * @param monthStart        the first day of the month on the shared calendar (2024-01-01 for month 0)
 * @param poolBefore        the resource in the pool before this month's harvest
 * @param presentNames      the names of the agents playing this month, in id order
 * @param perAgentThreshold the sustainable share per person this month, {@code (h // 2) // n}
 * @param groupThreshold    the sustainable total this month, {@code h // 2}
 * @param communication     whether the month has a discussion phase
 */
public record MonthContext(Scenario scenario, int month, LocalDate monthStart, int poolBefore,
                           List<String> presentNames, int perAgentThreshold, int groupThreshold,
                           boolean communication) {

    /** Checks the components and copies the names. */
    public MonthContext {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(monthStart, "monthStart");
        presentNames = List.copyOf(presentNames);
    }

    /** Returns the discussion day: the day before the last day of the month. */
    public LocalDate discussionDay() {
        return reflectionDay().minusDays(1);
    }

    /** Returns the reflection day: the last day of the month. */
    public LocalDate reflectionDay() {
        return monthStart.withDayOfMonth(monthStart.lengthOfMonth());
    }
}
