package dev.polis.examples.commons;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;

/**
 * The rules of one commons game, read from the environment's settings.
 *
 * @param capacity      the most fish the lake holds, and what it holds at the start (setting {@code capacity}, default 100)
 * @param regrowth      the factor the stock grows by after each month, up to the capacity (setting {@code regrowth},
 *                      default 2.0: the stock doubles)
 * @param months        how many months the game lasts unless the stock collapses first (setting {@code months}, default 12)
 * @param collapseBelow the stock under which the lake is dead and the game ends
 */
public record CommonsRules(double capacity, double regrowth, int months, double collapseBelow) {

    /** The stock under which the lake collapses, as in GovSim. */
    public static final double COLLAPSE_BELOW = 5;

    /** Checks that the rules make a playable game. */
    public CommonsRules {
        if (!(capacity > collapseBelow)) {
            throw new InvalidInputException("capacity: must be above " + collapseBelow + " but was " + capacity);
        }
        if (!(regrowth >= 1)) {
            throw new InvalidInputException("regrowth: must be at least 1.0 but was " + regrowth);
        }
        if (months < 1) {
            throw new InvalidInputException("months: must be at least 1 but was " + months);
        }
    }

    /** Reads the rules from {@code settings}, using the defaults for what is not set. */
    public static CommonsRules from(Settings settings) {
        return new CommonsRules(settings.doubleValue("capacity", 100), settings.doubleValue("regrowth", 2.0),
                settings.intValue("months", 12), COLLAPSE_BELOW);
    }
}
