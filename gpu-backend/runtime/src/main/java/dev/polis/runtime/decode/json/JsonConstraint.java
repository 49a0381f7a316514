package dev.polis.runtime.decode.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.polis.api.inference.TokenConstraint;

/**
 * Constrains decoding to JSON that follows a compiled schema: at each step the tokens whose bytes the
 * {@link JsonMachine} accepts from the current state (found by walking the vocabulary's {@link TokenTrie}, pruned at
 * the first refused byte), and the stop tokens once the value is complete. Masks are cached per machine state, so
 * repeated structure (and long strings without a maximum length) costs one lookup.
 *
 * <p>Built once per model and schema; thread-safe (each generation gets its own cursor; the cache is guarded).
 */
public final class JsonConstraint implements TokenConstraint {

    private static final int CACHE_SIZE = 512;

    private final Node root;
    private final TokenTrie trie;
    private final int vocabulary;
    private final int[] stops;
    private final Map<JsonMachine.State, long[]> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<JsonMachine.State, long[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * Creates the constraint.
     *
     * @param root       the compiled schema ({@link SchemaCompiler})
     * @param tokenBytes each token's bytes by id ({@code null} for special tokens, which are never allowed)
     * @param vocabulary the model's number of logits per row (may exceed the tokenizer's vocabulary)
     * @param stops      the tokens that end generation, allowed once the value is complete
     */
    public JsonConstraint(Node root, byte[][] tokenBytes, int vocabulary, Set<Integer> stops) {
        this.root = root;
        this.trie = new TokenTrie(tokenBytes);
        this.vocabulary = vocabulary;
        this.stops = stops.stream().mapToInt(Integer::intValue).filter(t -> t < vocabulary).toArray();
    }

    @Override
    public Cursor start() {
        return new JsonCursor();
    }

    /** Returns the allowed tokens after {@code state} as a bit set over the vocabulary. */
    long[] allowed(JsonMachine.State state) {
        synchronized (cache) {
            long[] hit = cache.get(state);
            if (hit != null) {
                return hit;
            }
        }
        long[] bits = new long[(vocabulary + 63) / 64];
        walk(trie.root(), state, bits);
        if (state.complete()) {
            for (int stop : stops) {
                bits[stop >>> 6] |= 1L << stop;
            }
        }
        synchronized (cache) {
            cache.put(state, bits);
        }
        return bits;
    }

    private void walk(TokenTrie.TrieNode node, JsonMachine.State state, long[] bits) {
        for (int i = 0; i < node.bytes.length; i++) {
            JsonMachine.State next = JsonMachine.step(state, node.bytes[i]);
            if (next == null) {
                continue;
            }
            TokenTrie.TrieNode child = node.children[i];
            for (int token : child.tokens) {
                if (token < vocabulary) {
                    bits[token >>> 6] |= 1L << token;
                }
            }
            if (child.bytes.length > 0) {
                walk(child, next, bits);
            }
        }
    }

    /** One generation's place: the machine state after each accepted token. */
    private final class JsonCursor implements Cursor {

        private final List<JsonMachine.State> states = new ArrayList<>(List.of(JsonMachine.start(root)));

        @Override
        public void mask(float[] logits) {
            JsonMachine.State state = states.getLast();
            long[] bits = allowed(state);
            boolean any = false;
            for (int t = 0; t < logits.length; t++) {
                if (t >= vocabulary || (bits[t >>> 6] & (1L << t)) == 0) {
                    logits[t] = Float.NEGATIVE_INFINITY;
                } else {
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalStateException("no token of the vocabulary continues the JSON here (state "
                        + state + "); the vocabulary lacks single-byte tokens");
            }
        }

        @Override
        public boolean accept(int token) {
            byte[] bytes = trie.bytes(token);
            if (bytes == null || bytes.length == 0) {
                return false;
            }
            JsonMachine.State state = states.getLast();
            for (byte b : bytes) {
                state = JsonMachine.step(state, b & 0xFF);
                if (state == null) {
                    return false;
                }
            }
            states.add(state);
            return true;
        }

        @Override
        public int length() {
            return states.size() - 1;
        }

        @Override
        public void rewind(int length) {
            if (length < 0 || length > length()) {
                throw new IllegalArgumentException("cannot rewind to " + length + " of " + length() + " tokens");
            }
            while (states.size() > length + 1) {
                states.removeLast();
            }
        }

        @Override
        public boolean complete() {
            return states.getLast().complete();
        }
    }
}
