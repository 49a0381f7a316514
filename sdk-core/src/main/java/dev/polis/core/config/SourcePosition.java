package dev.polis.core.config;

/**
 * Locates a spot in a configuration text, for error messages.
 *
 * @param line   the line, from 1
 * @param column the column, from 1
 */
public record SourcePosition(int line, int column) {

    /** Checks that line and column count from 1. */
    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }
}
