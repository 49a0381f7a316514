package dev.polis.mindsearch.interp;

import java.util.List;
import java.util.Map;

/** An expression of planner code. */
sealed interface Expr {

    /** Returns the line the expression starts on. */
    int line();

    /** A variable or builtin name. */
    record Name(String name, int line) implements Expr { }

    /** A string literal (adjacent literals already joined). */
    record Str(String value, int line) implements Expr { }

    /** An f-string: {@code {expression}} fields in a template ({@code {{}} and {@code }}} stand for braces). */
    record FStr(String template, int line) implements Expr { }

    /** A number literal. */
    record Num(String text, int line) implements Expr { }

    /** {@code target.name}. */
    record Attr(Expr target, String name, int line) implements Expr { }

    /** {@code target[index]}. */
    record Index(Expr target, Expr index, int line) implements Expr { }

    /** {@code callee(positional..., keyword=value...)}. */
    record Call(Expr callee, List<Expr> positional, Map<String, Expr> keywords, int line) implements Expr { }

    /** A list, tuple or set display. */
    record Items(List<Expr> items, int line) implements Expr { }

    /** A dict display, keys and values in order. */
    record Dict(List<Expr> keys, List<Expr> values, int line) implements Expr { }

    /** {@code left op right} for {@code +} (string concatenation) and other operators the interpreter refuses. */
    record Binary(Expr left, String op, Expr right, int line) implements Expr { }
}
