package dev.polis.runtime.decode.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The byte-level grammar of JSON values that follow a compiled schema ({@link Node}): a pushdown machine whose
 * immutable {@link State}s step one UTF-8 byte at a time. It writes compact JSON (no whitespace between tokens),
 * object keys among the declared properties, each at most once, the required ones before the closing brace.
 *
 * <p>Every state it reaches can still be completed, so a decoder masked by it never paints itself into a corner.
 * Strings count characters by UTF-8 lead bytes for {@code minLength} and by bytes for {@code maxLength}, which bound
 * the decoded length from below and above even when a multi-byte character is broken.
 */
public final class JsonMachine {

    private static final int OPEN = 0;
    private static final int AFTER_KEY = 1;
    private static final int VALUE = 2;
    private static final int AFTER_VALUE = 3;
    private static final int AFTER_COMMA = 4;
    private static final Node.ObjectNode ANY_OBJECT = new Node.ObjectNode(null, java.util.Set.of());
    private static final Node.ArrayNode ANY_ARRAY = new Node.ArrayNode(new Node.Any(), 0, Integer.MAX_VALUE);
    private static final Node.StringNode ANY_STRING = new Node.StringNode(0, Integer.MAX_VALUE);
    private static final Node.NumberNode ANY_NUMBER = new Node.NumberNode(false, null, null);
    private static final Node.Literal WORDS = new Node.Literal(List.of(bytes("true"), bytes("false"), bytes("null")));

    /** A point in the output: a stack of frames, {@code top} {@code null} once the value is complete. */
    public record State(Frame top, State below) {

        /** Returns whether the output so far is one whole value (nothing more is needed). */
        public boolean complete() {
            if (top == null) {
                return true;
            }
            return below == null && (top instanceof NumberFrame n && NumberRange.complete(n.node(), n.text())
                    || top instanceof LiteralFrame l && l.whole() >= 0);
        }
    }

    /** One open construct. */
    public sealed interface Frame {
    }

    record ValueFrame(Node node) implements Frame {
    }

    record ObjectFrame(Node.ObjectNode node, long used, int property, int phase) implements Frame {
    }

    record KeyFrame(Node.ObjectNode node, long used, int length, long candidates) implements Frame {
    }

    record ArrayFrame(Node.ArrayNode node, int count, int phase) implements Frame {
    }

    record StringFrame(Node.StringNode node, int chars, int bytes, boolean escape, boolean key) implements Frame {
    }

    record NumberFrame(Node.NumberNode node, String text) implements Frame {
    }

    /** A literal being matched: {@code whole} is the index of a text matched completely so far, or -1. */
    record LiteralFrame(Node.Literal node, int length, long candidates, int whole) implements Frame {
    }

    private JsonMachine() {
    }

    /** Returns the state before the first byte of a value of {@code root}. */
    public static State start(Node root) {
        return new State(new ValueFrame(root), null);
    }

    /** Returns the state after byte {@code b} (0 to 255), or {@code null} when the grammar does not allow it. */
    public static State step(State state, int b) {
        Frame frame = state.top();
        State below = state.below();
        return switch (frame) {
            case null -> null;
            case ValueFrame v -> startValue(v.node(), below, b);
            case ObjectFrame o -> object(o, below, b);
            case KeyFrame k -> key(k, below, b);
            case ArrayFrame a -> array(a, below, b);
            case StringFrame s -> string(s, below, b);
            case NumberFrame n -> number(n.node(), n.text(), below, b);
            case LiteralFrame l -> literal(l, below, b);
        };
    }

    private static State startValue(Node node, State below, int b) {
        return switch (node) {
            case Node.ObjectNode o -> b == '{' ? new State(new ObjectFrame(o, 0, -1, OPEN), below) : null;
            case Node.ArrayNode a -> b == '[' ? new State(new ArrayFrame(a, 0, OPEN), below) : null;
            case Node.StringNode s -> b == '"' ? new State(new StringFrame(s, 0, 0, false, false), below) : null;
            case Node.NumberNode n -> number(n, "", below, b);
            case Node.Literal l -> literal(new LiteralFrame(l, 0, (1L << l.texts().size()) - 1, -1), below, b);
            case Node.Any any -> switch (b) {
                case '{' -> startValue(ANY_OBJECT, below, b);
                case '[' -> startValue(ANY_ARRAY, below, b);
                case '"' -> startValue(ANY_STRING, below, b);
                case 't', 'f', 'n' -> startValue(WORDS, below, b);
                default -> startValue(ANY_NUMBER, below, b);
            };
        };
    }

    /** Returns the state after the value on top of {@code below} ended. */
    private static State done(State below) {
        if (below == null) {
            return new State(null, null);
        }
        return switch (below.top()) {
            case ObjectFrame o -> new State(new ObjectFrame(o.node(), o.used(), -1, AFTER_VALUE), below.below());
            case ArrayFrame a -> new State(new ArrayFrame(a.node(), a.count() + 1, AFTER_VALUE), below.below());
            default -> throw new IllegalStateException("a value ended inside " + below.top());
        };
    }

    private static State object(ObjectFrame o, State below, int b) {
        List<Node.Property> properties = o.node().properties();
        boolean more = properties == null || Long.bitCount(o.used()) < properties.size();
        switch (o.phase()) {
            case OPEN, AFTER_VALUE -> {
                if (b == '}' && requiredDone(o)) {
                    return done(below);
                }
                if (o.phase() == AFTER_VALUE) {
                    return b == ',' && more ? new State(new ObjectFrame(o.node(), o.used(), -1, AFTER_COMMA), below) : null;
                }
                return b == '"' && more ? openKey(o, below) : null;
            }
            case AFTER_COMMA -> {
                return b == '"' ? openKey(o, below) : null;
            }
            case AFTER_KEY -> {
                if (b != ':') {
                    return null;
                }
                Node value = properties == null ? new Node.Any() : properties.get(o.property()).value();
                return new State(new ValueFrame(value),
                        new State(new ObjectFrame(o.node(), o.used(), o.property(), VALUE), below));
            }
            default -> throw new IllegalStateException("object frame in phase " + o.phase());
        }
    }

    private static State openKey(ObjectFrame o, State below) {
        State object = new State(new ObjectFrame(o.node(), o.used(), -1, AFTER_KEY), below);
        if (o.node().properties() == null) {
            return new State(new StringFrame(ANY_STRING, 0, 0, false, true), object);
        }
        long free = ~o.used() & ((1L << o.node().properties().size()) - 1);
        return new State(new KeyFrame(o.node(), o.used(), 0, free), object);
    }

    private static boolean requiredDone(ObjectFrame o) {
        List<Node.Property> properties = o.node().properties();
        if (properties == null) {
            return true;
        }
        for (int i = 0; i < properties.size(); i++) {
            if ((o.used() & (1L << i)) == 0 && o.node().required().contains(properties.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    private static State key(KeyFrame k, State below, int b) {
        List<Node.Property> properties = k.node().properties();
        long next = 0;
        for (int i = 0; i < properties.size(); i++) {
            if ((k.candidates() & (1L << i)) == 0) {
                continue;
            }
            byte[] key = properties.get(i).key();
            if (b == '"' && key.length == k.length()) {
                ObjectFrame object = (ObjectFrame) below.top();
                return new State(new ObjectFrame(object.node(), k.used() | (1L << i), i, AFTER_KEY), below.below());
            }
            if (key.length > k.length() && (key[k.length()] & 0xFF) == b) {
                next |= 1L << i;
            }
        }
        return next == 0 ? null : new State(new KeyFrame(k.node(), k.used(), k.length() + 1, next), below);
    }

    private static State array(ArrayFrame a, State below, int b) {
        Node.ArrayNode node = a.node();
        if (b == ']' && a.count() >= node.minItems() && (a.phase() == AFTER_VALUE || a.count() == 0)) {
            return done(below);
        }
        if (a.phase() == AFTER_VALUE) {
            return b == ',' && a.count() < node.maxItems()
                    ? new State(new ValueFrame(node.items()), new State(new ArrayFrame(node, a.count(), VALUE), below))
                    : null;
        }
        return node.maxItems() == 0 ? null
                : startValue(node.items(), new State(new ArrayFrame(node, 0, VALUE), below), b);
    }

    private static State string(StringFrame s, State below, int b) {
        Node.StringNode node = s.node();
        if (s.escape()) {
            return "\"\\/bfnrt".indexOf(b) >= 0 ? withString(s, s.chars() + 1, s.bytes() + 1, false, below) : null;
        }
        if (b == '"') {
            if (s.key()) {
                return below;
            }
            return s.chars() >= node.minLength() ? done(below) : null;
        }
        if (b < 0x20 || b == 0xC0 || b == 0xC1 || b >= 0xF5 || s.bytes() >= node.maxLength()) {
            return null;
        }
        if (b == '\\') {
            return new State(new StringFrame(node, s.chars(), s.bytes(), true, s.key()), below);
        }
        return withString(s, s.chars() + ((b & 0xC0) == 0x80 ? 0 : 1), s.bytes() + 1, false, below);
    }

    /** A string state; past its minimum length and without a maximum, the counts no longer matter (states repeat). */
    private static State withString(StringFrame s, int chars, int bytes, boolean escape, State below) {
        Node.StringNode node = s.node();
        if (node.maxLength() == Integer.MAX_VALUE) {
            chars = Math.min(chars, node.minLength());
            bytes = 0;
        }
        return new State(new StringFrame(node, chars, bytes, escape, s.key()), below);
    }

    private static State number(Node.NumberNode node, String text, State below, int b) {
        if ((b >= '0' && b <= '9') || b == '-' || b == '.') {
            String longer = text + (char) b;
            if (NumberRange.viable(node, longer)) {
                return new State(new NumberFrame(node, longer), below);
            }
        }
        if (!text.isEmpty() && NumberRange.complete(node, text)) {
            State after = done(below);
            return after.top() == null ? null : step(after, b);
        }
        return null;
    }

    private static State literal(LiteralFrame l, State below, int b) {
        List<byte[]> texts = l.node().texts();
        long next = 0;
        int whole = -1;
        boolean longer = false;
        for (int i = 0; i < texts.size(); i++) {
            byte[] text = texts.get(i);
            if ((l.candidates() & (1L << i)) != 0 && text.length > l.length() && (text[l.length()] & 0xFF) == b) {
                next |= 1L << i;
                if (text.length == l.length() + 1) {
                    whole = i;
                } else {
                    longer = true;
                }
            }
        }
        if (next != 0) {
            return whole >= 0 && !longer ? done(below)
                    : new State(new LiteralFrame(l.node(), l.length() + 1, next, whole), below);
        }
        if (l.whole() >= 0) {
            State after = done(below);
            return after.top() == null ? null : step(after, b);
        }
        return null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
