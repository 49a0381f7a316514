package dev.polis.guards.prompt;

/**
 * A stretch of a message a guard acted on.
 *
 * @param start the first character, in the text the guard inspected
 * @param end   one past the last character
 * @param what  what was found there ("reserved token", a rule family)
 * @param text  the text of the stretch
 */
public record Span(int start, int end, String what, String text) {
}
