package dev.polis.govsim.protocol;

/**
 * One past month of one agent's own harvest.
 *
 * @param month    the 0-based month
 * @param pool     the pool before that month's harvest
 * @param wanted   what the agent asked for
 * @param received what it actually got
 */
public record HarvestRecord(int month, int pool, int wanted, int received) {
}
