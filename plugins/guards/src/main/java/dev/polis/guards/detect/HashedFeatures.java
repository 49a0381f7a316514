package dev.polis.guards.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a passage into a sparse vector of hashed features: character 3- to 5-grams and word unigrams and bigrams,
 * scaled together to unit length, plus one feature of value {@link #RULE_VALUE} per rule family that matched. The
 * rule features stand beside the n-grams instead of inside their norm, so that a rule counts as much in a long
 * passage (hundreds of n-grams) as in a short one.
 *
 * <p>Every feature also appears a second time tagged with the text's {@link Domain} (direct input or embedded
 * data), so that one model can learn that "What is the capital of Brazil?" is an ordinary request from a user and
 * an injection inside a tool's output (feature augmentation, Daumé III 2007).
 *
 * <p>The hashing (FNV-1a over the characters, modulo {@code 2^bits}) is part of the shipped model's format:
 * changing it invalidates {@code injection-model.txt}.
 */
public final class HashedFeatures {

    /**
     * The number of hash bits of the shipped model: 2^20 buckets hold its ~200,000 distinct n-grams with few
     * collisions (at 2^18 more than half shared a bucket); held out, 2^20 scored 0–1.3 points higher than 2^18.
     */
    public static final int DEFAULT_BITS = 20;
    /** The value of a matched rule family's feature (the n-grams together have length 1). */
    public static final float RULE_VALUE = 0.5f;

    private final int bits;
    private final int mask;

    /** Creates features of {@code 2^bits} dimensions. */
    public HashedFeatures(int bits) {
        if (bits < 8 || bits > 24) {
            throw new IllegalArgumentException("bits must be in [8, 24] but was " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    /** Returns the number of hash bits. */
    public int bits() {
        return bits;
    }

    /** Returns the number of dimensions, {@code 2^bits}. */
    public int dimensions() {
        return mask + 1;
    }

    /** Returns the features of {@code passage} (already normalised) in {@code domain}, with its rule hits. */
    public SparseVector of(String passage, List<RuleHit> hits, Domain domain) {
        String text = " " + passage.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip() + " ";
        int[] raw = new int[text.length() * 5 + hits.size() + 1];
        int n = 0;
        for (int size = 3; size <= 5; size++) {
            for (int i = 0; i + size <= text.length(); i++) {
                raw[n++] = hash(0x1000 + size, text, i, i + size);
            }
        }
        int previousStart = -1;
        int previousEnd = -1;
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'')) {
                i++;
            }
            if (i > start) {
                raw = ensure(raw, n + 2);
                raw[n++] = hash(0x2000, text, start, i);
                if (previousStart >= 0) {
                    raw[n++] = hash(0x3000 ^ hash(0, text, previousStart, previousEnd), text, start, i);
                }
                previousStart = start;
                previousEnd = i;
            }
        }
        int[] tagged = withDomain(raw, n, domain);
        SparseVector grams = normalise(tagged, tagged.length);
        int[] rules = new int[hits.size()];
        int r = 0;
        for (RuleHit hit : hits) {
            rules[r++] = hash(0x4000, hit.rule(), 0, hit.rule().length());
        }
        int[] taggedRules = withDomain(rules, r, domain);
        return merge(grams, taggedRules);
    }

    /** Returns the first {@code n} features followed by a copy of each tagged with {@code domain}. */
    private int[] withDomain(int[] raw, int n, Domain domain) {
        int[] out = Arrays.copyOf(raw, 2 * n);
        int salt = 0x5bd1e995 * (domain.ordinal() + 1);
        for (int k = 0; k < n; k++) {
            int h = (raw[k] ^ salt) * 0x01000193;
            out[n + k] = (h ^ (h >>> 15)) & mask;
        }
        return out;
    }

    /** Adds {@link #RULE_VALUE} at each rule index (once per index) to the n-gram vector. */
    private static SparseVector merge(SparseVector grams, int[] rules) {
        int[] extra = Arrays.stream(rules).distinct().sorted().toArray();
        int[] gi = grams.indices();
        float[] gv = grams.values();
        int[] indices = new int[gi.length + extra.length];
        float[] values = new float[indices.length];
        int a = 0;
        int b = 0;
        int n = 0;
        while (a < gi.length || b < extra.length) {
            if (b == extra.length || (a < gi.length && gi[a] < extra[b])) {
                indices[n] = gi[a];
                values[n++] = gv[a++];
            } else if (a == gi.length || extra[b] < gi[a]) {
                indices[n] = extra[b++];
                values[n++] = RULE_VALUE;
            } else {
                indices[n] = gi[a];
                values[n++] = gv[a++] + RULE_VALUE;
                b++;
            }
        }
        return new SparseVector(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
    }

    private static int[] ensure(int[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    private SparseVector normalise(int[] raw, int n) {
        Arrays.sort(raw, 0, n);
        int[] indices = new int[n];
        float[] values = new float[n];
        int unique = 0;
        for (int k = 0; k < n; k++) {
            if (unique > 0 && indices[unique - 1] == raw[k]) {
                values[unique - 1] += 1;
            } else {
                indices[unique] = raw[k];
                values[unique++] = 1;
            }
        }
        double norm = 0;
        for (int k = 0; k < unique; k++) {
            values[k] = (float) Math.sqrt(values[k]);
            norm += values[k] * values[k];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < unique; k++) {
            values[k] *= scale;
        }
        return new SparseVector(Arrays.copyOf(indices, unique), Arrays.copyOf(values, unique));
    }

    private int hash(int seed, CharSequence text, int start, int end) {
        int h = 0x811C9DC5 ^ seed;
        for (int k = start; k < end; k++) {
            h ^= text.charAt(k);
            h *= 0x01000193;
        }
        h ^= h >>> 15;
        return h & mask;
    }
}
