package dev.polis.runtime.model;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The softmax numerators of {@link HeapAttention}: {@code exp(score - max)} over a row of attention scores, in SIMD
 * lanes. A decode step takes one exponential per head, layer and cached slot (some 20,000 per token at 200 slots of
 * a 24-layer model), and {@code Math.exp} cost as much as the rest of the attention. Loaded only where the Vector
 * API is (see {@link VectorDot}).
 *
 * <p>The exponential is a polynomial in IEEE lane-wise operations only (multiplies, fused multiply-adds, a rounding
 * by adding 1.5 · 2^23, an integer shift), so the interpreter and the JIT give the same bits, as a token's attention
 * must whether or not the kernel is compiled yet. It is within 2 ulp of the exact value (tested against
 * {@code Math.exp}); arguments below -87 give exp(-87), about 1.6e-38, which no softmax sum can tell from zero.
 */
final class VectorSoftmax {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final float LOG2E = 1.44269504f;
    /** ln 2 split in two, so that {@code n · LN2_HI} is exact for the n that occur. */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** Adding and subtracting 1.5 · 2^23 rounds a float below 2^22 in magnitude to the nearest integer. */
    private static final float ROUND = 12582912f;
    private static final float LOWEST = -87f;

    private VectorSoftmax() {
    }

    /**
     * Replaces {@code scores[0 .. seen)} by {@code exp(score - max)} (max over those) and the rest of the array by
     * 0 (slots the query does not see), and returns the sum of the exponentials, added in slot order in double.
     */
    static double numerators(float[] scores, int seen) {
        int narrow = seen - seen % LANES;
        float max = Float.NEGATIVE_INFINITY;
        for (int s = 0; s < seen; s++) {
            max = Math.max(max, scores[s]);
        }
        exp(scores, 0, narrow, max);
        if (narrow < seen) {
            float[] tail = new float[LANES];
            Arrays.fill(tail, max);
            System.arraycopy(scores, narrow, tail, 0, seen - narrow);
            exp(tail, 0, LANES, max);
            System.arraycopy(tail, 0, scores, narrow, seen - narrow);
        }
        double total = 0;
        for (int i = 0; i < seen; i++) {
            total += scores[i];
        }
        Arrays.fill(scores, seen, scores.length, 0f);
        return total;
    }

    /**
     * Replaces {@code a[from .. to)} (whole vectors) by {@code exp(a[i] - max)}, for {@code a[i] <= max} (see the class
     * comment for the method and accuracy). Vectors stay inside this method: one passed to or returned from a method
     * the JIT does not inline is boxed.
     */
    static void exp(float[] a, int from, int to, float max) {
        for (int i = from; i < to; i += LANES) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, i).sub(max).max(LOWEST);
            FloatVector n = x.mul(LOG2E).add(ROUND).sub(ROUND);
            FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), x);
            r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
            // Taylor to r^7 on |r| <= ln 2 / 2: the truncation is below 1e-8 relative
            FloatVector p = FloatVector.broadcast(SPECIES, 1f / 5040).fma(r, FloatVector.broadcast(SPECIES, 1f / 720));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 120));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 24));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 6));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 0.5f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
            IntVector exponent = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127)
                    .lanewise(VectorOperators.LSHL, 23);
            p.mul(exponent.reinterpretAsFloats()).intoArray(a, i);
        }
    }

    /** Returns the lane count (for tests that cover a partial vector). */
    static int lanes() {
        return LANES;
    }
}
