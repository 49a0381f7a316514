package dev.polis.govsim.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the unit-by-unit allocation. */
class AllocationTest {

    @Test
    void neverMoreThanWantedNorThePool() {
        SplittableRandom dice = new SplittableRandom(42);
        for (int trial = 0; trial < 2000; trial++) {
            int[] wanted = new int[1 + dice.nextInt(6)];
            for (int i = 0; i < wanted.length; i++) {
                wanted[i] = dice.nextInt(60);
            }
            int pool = dice.nextInt(101);
            int[] got = StochasticAllocation.allocate(wanted, pool, StochasticAllocation.monthRandom(trial, 3));
            int sumWanted = Arrays.stream(wanted).sum();
            assertThat(Arrays.stream(got).sum()).isEqualTo(Math.min(sumWanted, pool));
            for (int i = 0; i < wanted.length; i++) {
                assertThat(got[i]).isBetween(0, wanted[i]);
            }
            if (sumWanted <= pool) {
                assertThat(got).containsExactly(wanted);
            }
        }
    }

    @Test
    void sameSeedSameAllocationOtherSeedsDiffer() {
        int[] wanted = {40, 40, 40, 40, 40};
        int[] a = StochasticAllocation.allocate(wanted, 100, StochasticAllocation.monthRandom(9, 1));
        int[] b = StochasticAllocation.allocate(wanted, 100, StochasticAllocation.monthRandom(9, 1));
        assertThat(a).containsExactly(b);
        boolean differs = false;
        for (long seed = 10; seed < 20 && !differs; seed++) {
            differs = !Arrays.equals(a, StochasticAllocation.allocate(wanted, 100,
                    StochasticAllocation.monthRandom(seed, 1)));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void equalDemandsGetEqualSharesOnAverage() {
        int[] wanted = {100, 100, 100, 100, 100};
        double[] total = new double[5];
        int seeds = 4000;
        for (int s = 0; s < seeds; s++) {
            int[] got = StochasticAllocation.allocate(wanted, 100, StochasticAllocation.monthRandom(s, 0));
            for (int i = 0; i < 5; i++) {
                total[i] += got[i];
            }
        }
        for (double t : total) {
            assertThat(t / seeds).isBetween(19.5, 20.5);
        }
    }
}
