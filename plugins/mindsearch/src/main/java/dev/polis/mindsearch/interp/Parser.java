package dev.polis.mindsearch.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads planner code into statements: assignments and expressions over names, strings, numbers, attribute access,
 * calls, subscripts, lists, tuples and dicts. Import lines and {@code pass} are skipped; compound statements
 * ({@code if}, {@code for}, {@code def}, ...) are refused with a {@link CodeError} that says what to write instead.
 */
final class Parser {

    private static final Set<String> SKIPPED = Set.of("import", "from", "pass");
    private static final Set<String> REFUSED = Set.of("if", "elif", "else", "for", "while", "def", "class", "return",
            "with", "try", "except", "finally", "lambda", "async", "await", "raise", "del", "global", "yield");

    private final List<Token> tokens;
    private int at;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Returns the statements of {@code code}.
     *
     * @throws CodeError on the first thing it cannot read, naming the line
     */
    static List<Statement> parse(String code) {
        return new Parser(Lexer.tokens(code)).statements();
    }

    private List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        while (peek().type() != Token.Type.EOF) {
            Token first = peek();
            if (first.type() == Token.Type.NEWLINE || first.isOp(";")) {
                at++;
                continue;
            }
            if (first.type() == Token.Type.NAME && SKIPPED.contains(first.text())) {
                skipLine();
                continue;
            }
            if (first.type() == Token.Type.NAME && REFUSED.contains(first.text())) {
                throw new CodeError(first.line(), "'" + first.text() + "' statements are not supported here; write"
                        + " one graph call per line, for example graph.add_node('q1', '...')");
            }
            statements.add(statement());
        }
        return statements;
    }

    private Statement statement() {
        int line = peek().line();
        Expr first = expression();
        List<Expr> left = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            at++;
            left.add(expression());
        }
        if (peek().isOp("=")) {
            at++;
            List<String> targets = new ArrayList<>();
            for (Expr target : left) {
                if (!(target instanceof Expr.Name name)) {
                    throw new CodeError(line, "only plain names can be assigned to");
                }
                targets.add(name.name());
            }
            Expr value = expression();
            List<Expr> values = new ArrayList<>(List.of(value));
            while (peek().isOp(",")) {
                at++;
                values.add(expression());
            }
            endOfStatement();
            return new Statement(targets, values.size() == 1 ? value : new Expr.Items(values, line), line);
        }
        endOfStatement();
        return new Statement(List.of(), left.size() == 1 ? first : new Expr.Items(left, line), line);
    }

    private void endOfStatement() {
        Token next = peek();
        if (next.type() == Token.Type.NEWLINE || next.isOp(";")) {
            at++;
        } else if (next.type() != Token.Type.EOF) {
            throw new CodeError(next.line(), "unexpected " + describe(next) + "; put one statement on each line");
        }
    }

    private Expr expression() {
        Expr left = postfix();
        while (peek().type() == Token.Type.OP && "+-*/%<>!".contains(peek().text()) && !peek().text().isEmpty()) {
            Token op = next();
            String operator = op.text();
            if (peek().isOp("=")) {
                throw new CodeError(op.line(), "'" + operator + "=' is not supported here");
            }
            left = new Expr.Binary(left, operator, postfix(), op.line());
        }
        return left;
    }

    private Expr postfix() {
        Expr expr = primary();
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                at++;
                Token name = expect(Token.Type.NAME, "a name after '.'");
                expr = new Expr.Attr(expr, name.text(), name.line());
            } else if (t.isOp("(")) {
                at++;
                expr = call(expr, t.line());
            } else if (t.isOp("[")) {
                at++;
                Expr index = expression();
                expectOp("]");
                expr = new Expr.Index(expr, index, t.line());
            } else {
                return expr;
            }
        }
    }

    private Expr call(Expr callee, int line) {
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> keywords = new LinkedHashMap<>();
        while (!peek().isOp(")")) {
            if (peek().type() == Token.Type.NAME && tokens.get(at + 1).isOp("=")) {
                Token key = next();
                at++;
                if (keywords.put(key.text(), expression()) != null) {
                    throw new CodeError(key.line(), "keyword argument '" + key.text() + "' is given twice");
                }
            } else {
                if (!keywords.isEmpty()) {
                    throw new CodeError(peek().line(), "a positional argument follows a keyword argument");
                }
                positional.add(expression());
            }
            if (!peek().isOp(",")) {
                break;
            }
            at++;
        }
        expectOp(")");
        return new Expr.Call(callee, positional, keywords, line);
    }

    private Expr primary() {
        Token t = next();
        switch (t.type()) {
            case NAME:
                if (REFUSED.contains(t.text())) {
                    throw new CodeError(t.line(), "'" + t.text() + "' is not supported here");
                }
                return new Expr.Name(t.text(), t.line());
            case NUMBER:
                return new Expr.Num(t.text(), t.line());
            case STRING, FSTRING:
                boolean formatted = t.type() == Token.Type.FSTRING;
                StringBuilder plain = new StringBuilder(t.text());
                StringBuilder template = new StringBuilder(part(t));
                while (peek().type() == Token.Type.STRING || peek().type() == Token.Type.FSTRING) {
                    Token more = next();
                    formatted |= more.type() == Token.Type.FSTRING;
                    plain.append(more.text());
                    template.append(part(more));
                }
                return formatted ? new Expr.FStr(template.toString(), t.line())
                        : new Expr.Str(plain.toString(), t.line());
            case OP:
                return bracketed(t);
            default:
                throw new CodeError(t.line(), "unexpected " + describe(t));
        }
    }

    /** Returns a string token as f-string template text: a plain string's braces are doubled (literal). */
    private static String part(Token t) {
        return t.type() == Token.Type.FSTRING ? t.text() : t.text().replace("{", "{{").replace("}", "}}");
    }

    /**
     * Reads {@code text} as one expression (an f-string's field).
     *
     * @throws CodeError when it is not exactly one expression
     */
    static Expr expression(String text, int line) {
        Parser parser = new Parser(Lexer.tokens(text));
        Expr expr = parser.expression();
        Token rest = parser.peek();
        if (rest.type() != Token.Type.NEWLINE && rest.type() != Token.Type.EOF) {
            throw new CodeError(line, "the f-string field {" + text + "} is not one expression");
        }
        return expr;
    }

    private Expr bracketed(Token open) {
        String close = switch (open.text()) {
            case "(" -> ")";
            case "[" -> "]";
            case "{" -> "}";
            case "-" -> "";
            default -> throw new CodeError(open.line(), "unexpected " + describe(open));
        };
        if (close.isEmpty()) {
            return new Expr.Binary(new Expr.Num("0", open.line()), "-", postfix(), open.line());
        }
        List<Expr> items = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        boolean dict = false;
        boolean comma = false;
        while (!peek().isOp(close)) {
            items.add(expression());
            if (open.text().equals("{") && peek().isOp(":")) {
                at++;
                dict = true;
                values.add(expression());
            }
            if (!peek().isOp(",")) {
                break;
            }
            comma = true;
            at++;
        }
        expectOp(close);
        if (dict) {
            return new Expr.Dict(items, values, open.line());
        }
        if (open.text().equals("(") && items.size() == 1 && !comma) {
            return items.getFirst();
        }
        return new Expr.Items(items, open.line());
    }

    private void skipLine() {
        while (peek().type() != Token.Type.NEWLINE && peek().type() != Token.Type.EOF) {
            at++;
        }
    }

    private Token expect(Token.Type type, String what) {
        Token t = next();
        if (t.type() != type) {
            throw new CodeError(t.line(), "expected " + what + " but found " + describe(t));
        }
        return t;
    }

    private void expectOp(String op) {
        Token t = next();
        if (!t.isOp(op)) {
            throw new CodeError(t.line(), "expected '" + op + "' but found " + describe(t));
        }
    }

    private Token peek() {
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        at = Math.min(at + 1, tokens.size() - 1);
        return t;
    }

    private static String describe(Token t) {
        return switch (t.type()) {
            case EOF -> "the end of the code";
            case NEWLINE -> "the end of the line";
            case STRING, FSTRING -> "a string";
            default -> "'" + t.text() + "'";
        };
    }
}
