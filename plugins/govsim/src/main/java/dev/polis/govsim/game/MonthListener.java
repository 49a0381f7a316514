package dev.polis.govsim.game;

/** Hears about each finished month, for records and progress; called on the game's thread. */
@FunctionalInterface
public interface MonthListener {

    /** Called once the month is over and {@code state} includes it. */
    void monthFinished(MonthRecord month, GameState state);

    /** Returns a listener that does nothing. */
    static MonthListener none() {
        return (month, state) -> { };
    }
}
