package dev.polis.mindsearch.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits planner code into tokens: names, numbers, strings (single, double, triple quoted, with r/u/f/b prefixes),
 * operators and logical line ends. Comments are dropped; line breaks inside brackets and after a backslash join lines.
 */
final class Lexer {

    private static final String OPERATORS = "()[]{},=.:+-*/%<>!;@";

    private final String code;
    private final List<Token> tokens = new ArrayList<>();
    private int at;
    private int line = 1;
    private int depth;

    private Lexer(String code) {
        this.code = code;
    }

    /** Returns the tokens of {@code code}, ending with an end-of-input token. */
    static List<Token> tokens(String code) {
        Lexer lexer = new Lexer(code.replace("\r\n", "\n").replace('\r', '\n'));
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (at < code.length()) {
            char c = code.charAt(at);
            if (c == '\n') {
                if (depth == 0) {
                    newline();
                }
                line++;
                at++;
            } else if (c == '#') {
                while (at < code.length() && code.charAt(at) != '\n') {
                    at++;
                }
            } else if (c == '\\' && at + 1 < code.length() && code.charAt(at + 1) == '\n') {
                at += 2;
                line++;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (Character.isDigit(c)) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                name();
            } else if (c == '"' || c == '\'') {
                string(at);
            } else if (OPERATORS.indexOf(c) >= 0) {
                operator(c);
            } else {
                throw new CodeError(line, "unexpected character '" + c + "'");
            }
        }
        newline();
        tokens.add(new Token(Token.Type.EOF, "", line));
    }

    private void newline() {
        if (!tokens.isEmpty() && tokens.getLast().type() != Token.Type.NEWLINE) {
            tokens.add(new Token(Token.Type.NEWLINE, "", line));
        }
    }

    private void number() {
        int start = at;
        while (at < code.length() && (Character.isDigit(code.charAt(at)) || code.charAt(at) == '.'
                || code.charAt(at) == '_')) {
            at++;
        }
        tokens.add(new Token(Token.Type.NUMBER, code.substring(start, at).replace("_", ""), line));
    }

    private void name() {
        int start = at;
        while (at < code.length() && (Character.isLetterOrDigit(code.charAt(at)) || code.charAt(at) == '_')) {
            at++;
        }
        String word = code.substring(start, at);
        if (at < code.length() && (code.charAt(at) == '"' || code.charAt(at) == '\'')
                && word.toLowerCase(java.util.Locale.ROOT).matches("[rubf]{1,2}")) {
            string(start);
            return;
        }
        tokens.add(new Token(Token.Type.NAME, word, line));
    }

    private void operator(char c) {
        if ("([{".indexOf(c) >= 0) {
            depth++;
        } else if (")]}".indexOf(c) >= 0) {
            depth = Math.max(0, depth - 1);
        }
        at++;
        tokens.add(new Token(Token.Type.OP, String.valueOf(c), line));
    }

    /** Reads a string literal whose prefix (if any) starts at {@code start} and whose quote is at {@link #at}. */
    private void string(int start) {
        String prefix = code.substring(start, at).toLowerCase(java.util.Locale.ROOT);
        boolean raw = prefix.contains("r");
        int startLine = line;
        char quote = code.charAt(at);
        boolean triple = code.startsWith(String.valueOf(quote).repeat(3), at);
        at += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= code.length()) {
                throw new CodeError(startLine, "a string opened here is never closed");
            }
            char c = code.charAt(at);
            if (triple && code.startsWith(String.valueOf(quote).repeat(3), at)) {
                at += 3;
                break;
            }
            if (!triple && c == quote) {
                at++;
                break;
            }
            if (!triple && c == '\n') {
                throw new CodeError(startLine, "a string opened here is not closed on its line");
            }
            if (c == '\n') {
                line++;
            }
            if (c == '\\' && !raw && at + 1 < code.length()) {
                value.append(escape(code.charAt(at + 1)));
                at += 2;
                continue;
            }
            value.append(c);
            at++;
        }
        tokens.add(new Token(prefix.contains("f") ? Token.Type.FSTRING : Token.Type.STRING, value.toString(),
                startLine));
    }

    private String escape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            case '\n' -> {
                line++;
                yield "";
            }
            case '\\', '\'', '"' -> String.valueOf(c);
            default -> "\\" + c;
        };
    }
}
