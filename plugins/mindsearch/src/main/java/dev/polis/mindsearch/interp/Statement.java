package dev.polis.mindsearch.interp;

import java.util.List;

/**
 * One statement of planner code: an expression, optionally assigned to names.
 *
 * @param targets the names assigned to (several for tuple unpacking); empty for a bare expression
 * @param value   the expression
 * @param line    the line it starts on
 */
record Statement(List<String> targets, Expr value, int line) {
}
