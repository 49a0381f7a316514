package dev.polis.guards.detect;

/**
 * One training passage.
 *
 * @param text   the passage (normalised before featurising)
 * @param attack whether it is an instruction aimed at the assistant that the privilege order says to ignore
 * @param domain whether it arrives as direct input or as embedded data
 */
public record Example(String text, boolean attack, Domain domain) {
}
