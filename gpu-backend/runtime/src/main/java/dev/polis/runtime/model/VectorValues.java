package dev.polis.runtime.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The value side of {@link HeapAttention}: probability-weighted sums of one KV head's value rows for several queries
 * at once, each loaded slice of a value row serving up to four queries. Loaded only where the Vector API is (see
 * {@link VectorDot}).
 */
final class VectorValues {

    /**
     * Slots whose weighted values are summed apart before joining the total: rounding grows with RUN + slots / RUN
     * additions instead of with the slots.
     */
    static final int RUN = 64;

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorValues() {
    }

    /**
     * Sets {@code out[i][d] = Σ_s p[i][s] · values[(shift + s) · width + d]} over slots {@code 0 .. slots-1}: each query's
     * sum in runs of {@link #RUN} slots (fused multiply-adds in slot order), the runs then added in order, so a query's
     * bits do not depend on the others it goes with.
     */
    static void weightedSums(float[][] p, float[] values, int shift, int width, int slots, float[][] out) {
        int i = 0;
        for (; i + 4 <= p.length; i += 4) {
            four(p[i], p[i + 1], p[i + 2], p[i + 3], values, shift, width, slots,
                    out[i], out[i + 1], out[i + 2], out[i + 3]);
        }
        for (; i < p.length; i++) {
            one(p[i], values, shift, width, slots, out[i]);
        }
    }

    private static void four(float[] p0, float[] p1, float[] p2, float[] p3, float[] values, int shift, int width,
                             int slots, float[] o0, float[] o1, float[] o2, float[] o3) {
        int narrow = width - width % LANES;
        for (int c = 0; c < narrow; c += LANES) {
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = FloatVector.zero(SPECIES);
            FloatVector s2 = FloatVector.zero(SPECIES);
            FloatVector s3 = FloatVector.zero(SPECIES);
            for (int from = 0; from < slots; from += RUN) {
                FloatVector a0 = FloatVector.zero(SPECIES);
                FloatVector a1 = FloatVector.zero(SPECIES);
                FloatVector a2 = FloatVector.zero(SPECIES);
                FloatVector a3 = FloatVector.zero(SPECIES);
                int to = Math.min(slots, from + RUN);
                for (int s = from; s < to; s++) {
                    FloatVector v = FloatVector.fromArray(SPECIES, values, (shift + s) * width + c);
                    a0 = v.fma(FloatVector.broadcast(SPECIES, p0[s]), a0);
                    a1 = v.fma(FloatVector.broadcast(SPECIES, p1[s]), a1);
                    a2 = v.fma(FloatVector.broadcast(SPECIES, p2[s]), a2);
                    a3 = v.fma(FloatVector.broadcast(SPECIES, p3[s]), a3);
                }
                s0 = s0.add(a0);
                s1 = s1.add(a1);
                s2 = s2.add(a2);
                s3 = s3.add(a3);
            }
            s0.intoArray(o0, c);
            s1.intoArray(o1, c);
            s2.intoArray(o2, c);
            s3.intoArray(o3, c);
        }
        tail(p0, values, shift, width, slots, o0, narrow);
        tail(p1, values, shift, width, slots, o1, narrow);
        tail(p2, values, shift, width, slots, o2, narrow);
        tail(p3, values, shift, width, slots, o3, narrow);
    }

    private static void one(float[] p, float[] values, int shift, int width, int slots, float[] out) {
        int narrow = width - width % LANES;
        for (int c = 0; c < narrow; c += LANES) {
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int from = 0; from < slots; from += RUN) {
                FloatVector acc = FloatVector.zero(SPECIES);
                int to = Math.min(slots, from + RUN);
                for (int s = from; s < to; s++) {
                    FloatVector v = FloatVector.fromArray(SPECIES, values, (shift + s) * width + c);
                    acc = v.fma(FloatVector.broadcast(SPECIES, p[s]), acc);
                }
                sum = sum.add(acc);
            }
            sum.intoArray(out, c);
        }
        tail(p, values, shift, width, slots, out, narrow);
    }

    /** The columns past the last whole vector, in the same order one lane would take them. */
    private static void tail(float[] p, float[] values, int shift, int width, int slots, float[] out, int narrow) {
        for (int d = narrow; d < width; d++) {
            float sum = 0;
            for (int from = 0; from < slots; from += RUN) {
                float acc = 0;
                for (int s = from; s < Math.min(slots, from + RUN); s++) {
                    acc = Math.fma(values[(shift + s) * width + d], p[s], acc);
                }
                sum += acc;
            }
            out[d] = sum;
        }
    }
}
