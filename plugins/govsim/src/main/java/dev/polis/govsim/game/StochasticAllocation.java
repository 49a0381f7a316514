package dev.polis.govsim.game;

import java.util.SplittableRandom;

/**
 * Shares out the pool when the requests exceed it: one unit at a time to an agent drawn uniformly among those still
 * wanting, as the original's {@code stochastic} strategy, but always seeded.
 *
 * <p>When the requests fit, everyone gets exactly what they asked. The draw is done in bulk (an equivalent process:
 * each unit goes to a uniformly chosen still-wanting agent), so very large requests cost no more than the pool.
 */
public final class StochasticAllocation {

    private StochasticAllocation() {
    }

    /**
     * Allocates {@code pool} units among {@code wanted} (non-negative).
     *
     * @return what each agent receives: never more than it wanted, in total {@code min(sum(wanted), pool)}
     */
    public static int[] allocate(int[] wanted, int pool, SplittableRandom random) {
        int[] got = new int[wanted.length];
        long total = 0;
        for (int w : wanted) {
            if (w < 0) {
                throw new IllegalArgumentException("requests must not be negative");
            }
            total += w;
        }
        if (total <= pool) {
            System.arraycopy(wanted, 0, got, 0, wanted.length);
            return got;
        }
        int[] left = wanted.clone();
        int[] active = new int[wanted.length];
        int count = 0;
        for (int i = 0; i < wanted.length; i++) {
            if (left[i] > 0) {
                active[count++] = i;
            }
        }
        int remaining = pool;
        while (remaining > 0 && count > 0) {
            int slot = random.nextInt(count);
            int agent = active[slot];
            left[agent]--;
            got[agent]++;
            remaining--;
            if (left[agent] == 0) {
                active[slot] = active[--count];
            }
        }
        return got;
    }

    /** Returns the random source for one month of one seeded run; the same seed and month give the same draws. */
    public static SplittableRandom monthRandom(long seed, int month) {
        return new SplittableRandom(mix(mix(seed) + month));
    }

    /** Scrambles a value (murmur3's finalizer) so that neighbouring seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB93FE5A4FE53L;
        return z ^ (z >>> 33);
    }
}
