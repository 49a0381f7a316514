package dev.polis.govsim.agent.llm.memory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Places the agent's memories on its simulated clock, as the original does: every day starts at 01:00, the
 * own-catch event is stamped one minute before the discussion day, and harvest-time events expire on the
 * month's last day.
 */
public final class MemoryClock {

    /** The time of day the original's simulated clock starts each day at. */
    public static final LocalTime DAY_START = LocalTime.of(1, 0);

    private MemoryClock() {
    }

    /** Returns the moment of the agent's activity on {@code date}. */
    public static LocalDateTime at(LocalDate date) {
        return date.atTime(DAY_START);
    }

    /** Returns when the own-catch observation is stamped: one minute before the discussion day starts. */
    public static LocalDateTime outcomeTime(LocalDate discussionDay) {
        return at(discussionDay).minusMinutes(1);
    }

    /** Returns when a harvest-time event expires: at the start of the month's last (reflection) day. */
    public static LocalDateTime monthEnd(LocalDate reflectionDay) {
        return at(reflectionDay);
    }
}
