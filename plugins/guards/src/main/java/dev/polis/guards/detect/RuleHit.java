package dev.polis.guards.detect;

/**
 * Where one rule matched a scanned text.
 *
 * @param rule   the rule's name (its attack family)
 * @param strong whether the rule alone is enough to call the text an attack
 * @param start  the first character of the match in the scanned view
 * @param end    one past the last character
 * @param text   the matched text
 */
public record RuleHit(String rule, boolean strong, int start, int end, String text) {
}
