package dev.polis.mindsearch.interp;

/**
 * One token of planner code.
 *
 * @param type  what kind of token
 * @param text  the name, the operator, the number's digits or the string's value (escapes resolved)
 * @param line  the line it starts on, from 1
 */
record Token(Type type, String text, int line) {

    /** The kinds of token. */
    enum Type { NAME, STRING, FSTRING, NUMBER, OP, NEWLINE, EOF }

    boolean is(Type t, String value) {
        return type == t && text.equals(value);
    }

    boolean isOp(String value) {
        return is(Type.OP, value);
    }
}
