package dev.polis.guards.policy;

/**
 * One conflict of a lower-privilege text with the instructions' {@link Policy}.
 *
 * @param family what kind of conflict ({@link Conflicts#FAMILIES})
 * @param found  the words that conflict, and with which clause of the instructions
 */
public record Conflict(String family, String found) {
}
