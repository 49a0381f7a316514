package dev.polis.mindsearch.interp;

import dev.polis.mindsearch.graph.GraphException;
import dev.polis.mindsearch.graph.SearchGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the planner's code blocks against one request's {@link SearchGraph}, keeping variables from turn to turn as
 * the original's persistent locals do.
 *
 * <p>Statements run in order; the first that fails stops the block, as Python's {@code exec} would, and the failure
 * comes back in the {@link CodeOutcome} (never thrown), so the planner can correct itself. {@code graph} is bound to
 * the request's graph from the start, and {@code WebSearchGraph()} returns that same graph rather than an empty one.
 * {@code print(...)} is accepted and ignored.
 */
public final class PlannerInterpreter {

    private final GraphApi api;
    private final Map<String, Object> variables = new HashMap<>();

    /** Creates an interpreter over {@code graph}. */
    public PlannerInterpreter(SearchGraph graph) {
        this.api = new GraphApi(graph);
        variables.put("graph", new GraphHandle());
    }

    /** Runs {@code code}; errors come back in the outcome. */
    public CodeOutcome run(String code) {
        List<Statement> statements;
        try {
            statements = Parser.parse(code);
        } catch (CodeError e) {
            return new CodeOutcome(0, List.of("syntax error, nothing was run: " + e.describe()));
        }
        int done = 0;
        for (Statement statement : statements) {
            try {
                Object value = eval(statement.value());
                assign(statement, value);
                done++;
            } catch (CodeError e) {
                return new CodeOutcome(done, List.of(e.describe() + stopped(statements.size() - done - 1)));
            } catch (GraphException e) {
                return new CodeOutcome(done, List.of("line " + statement.line() + ": " + e.getMessage()
                        + stopped(statements.size() - done - 1)));
            }
        }
        return new CodeOutcome(done, List.of());
    }

    private static String stopped(int left) {
        return left > 0 ? " (the " + left + " statement(s) after it did not run)" : "";
    }

    private void assign(Statement statement, Object value) {
        List<String> targets = statement.targets();
        if (targets.size() == 1) {
            variables.put(targets.getFirst(), value);
        } else if (!targets.isEmpty()) {
            if (!(value instanceof List<?> items) || items.size() != targets.size()) {
                throw new CodeError(statement.line(), "cannot unpack " + Values.describe(value) + " into "
                        + targets.size() + " names");
            }
            for (int i = 0; i < targets.size(); i++) {
                variables.put(targets.get(i), items.get(i));
            }
        }
    }

    private Object eval(Expr expr) {
        return switch (expr) {
            case Expr.Str s -> s.value();
            case Expr.FStr f -> format(f);
            case Expr.Num n -> number(n);
            case Expr.Name n -> name(n);
            case Expr.Items items -> evalAll(items.items());
            case Expr.Dict dict -> dict(dict);
            case Expr.Attr attr -> throw new CodeError(attr.line(), "'." + attr.name() + "' is only supported as a"
                    + " method call on the graph, for example graph." + attr.name() + "(...)");
            case Expr.Index index -> index(index);
            case Expr.Binary binary -> binary(binary);
            case Expr.Call call -> call(call);
        };
    }

    /** Fills an f-string's {@code {expression}} fields (a {@code !r}/{@code !s} or {@code :format} suffix is ignored). */
    private String format(Expr.FStr f) {
        String t = f.template();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < t.length() && t.charAt(i + 1) == c) {
                out.append(c);
                i++;
            } else if (c == '{') {
                int close = t.indexOf('}', i);
                if (close < 0) {
                    throw new CodeError(f.line(), "an f-string field opened with '{' is never closed");
                }
                String field = t.substring(i + 1, close).replaceFirst("(![rsa])?(:[^:]*)?$", "");
                Object value = eval(Parser.expression(field, f.line()));
                out.append(value instanceof String s ? s : String.valueOf(value));
                i = close;
            } else if (c == '}') {
                throw new CodeError(f.line(), "a single '}' in an f-string; write '}}' for a brace");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Object name(Expr.Name n) {
        return switch (n.name()) {
            case "None" -> GraphApi.NONE;
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            default -> {
                Object value = variables.get(n.name());
                if (value == null) {
                    throw new CodeError(n.line(), "name '" + n.name() + "' is not defined");
                }
                yield value;
            }
        };
    }

    private static Object number(Expr.Num n) {
        try {
            return n.text().contains(".") ? (Object) Double.valueOf(n.text()) : (Object) Long.valueOf(n.text());
        } catch (NumberFormatException e) {
            throw new CodeError(n.line(), "'" + n.text() + "' is not a number");
        }
    }

    private List<Object> evalAll(List<Expr> exprs) {
        List<Object> values = new ArrayList<>();
        for (Expr e : exprs) {
            values.add(eval(e));
        }
        return values;
    }

    private Object dict(Expr.Dict dict) {
        Map<Object, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < dict.keys().size(); i++) {
            values.put(eval(dict.keys().get(i)), eval(dict.values().get(i)));
        }
        return values;
    }

    private Object index(Expr.Index index) {
        Object target = eval(index.target());
        Object key = eval(index.index());
        if (target instanceof Map<?, ?> map && map.containsKey(key)) {
            return map.get(key);
        }
        if (target instanceof List<?> list && key instanceof Long i && i >= -list.size() && i < list.size()) {
            return list.get((int) (i < 0 ? list.size() + i : i));
        }
        throw new CodeError(index.line(), "cannot index " + Values.describe(target) + " with " + key);
    }

    private Object binary(Expr.Binary binary) {
        Object left = eval(binary.left());
        Object right = eval(binary.right());
        if (binary.op().equals("+") && left instanceof String l && right instanceof String r) {
            return l + r;
        }
        if (left instanceof Long l && right instanceof Long r) {
            switch (binary.op()) {
                case "+" -> { return l + r; }
                case "-" -> { return l - r; }
                default -> { }
            }
        }
        throw new CodeError(binary.line(), "the operator '" + binary.op() + "' is not supported between "
                + Values.describe(left) + " and " + Values.describe(right));
    }

    private Object call(Expr.Call call) {
        if (call.callee() instanceof Expr.Attr attr) {
            Object target = eval(attr.target());
            if (!(target instanceof GraphHandle)) {
                throw new CodeError(call.line(), Values.describe(target) + " has no method '" + attr.name()
                        + "'; call the graph's methods: graph." + attr.name() + "(...)");
            }
            return api.call(attr.name(), evalAll(call.positional()), keywords(call), call.line());
        }
        if (call.callee() instanceof Expr.Name name) {
            switch (name.name()) {
                case "WebSearchGraph" -> {
                    return new GraphHandle();
                }
                case "print" -> {
                    evalAll(call.positional());
                    return GraphApi.NONE;
                }
                case "str" -> {
                    List<Object> args = evalAll(call.positional());
                    return args.isEmpty() ? "" : String.valueOf(args.getFirst());
                }
                default -> {
                    if (GraphApi.has(name.name())) {
                        throw new CodeError(call.line(), "name '" + name.name() + "' is not defined; call it on the"
                                + " graph: graph." + name.name() + "(...)");
                    }
                    throw new CodeError(call.line(), "name '" + name.name() + "' is not defined; the graph's methods"
                            + " are " + GraphApi.names());
                }
            }
        }
        throw new CodeError(call.line(), Values.describe(eval(call.callee())) + " is not callable");
    }

    private Map<String, Object> keywords(Expr.Call call) {
        Map<String, Object> values = new LinkedHashMap<>();
        call.keywords().forEach((key, value) -> values.put(key, eval(value)));
        return values;
    }
}
