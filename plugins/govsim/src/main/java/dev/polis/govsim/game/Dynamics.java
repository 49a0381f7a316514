package dev.polis.govsim.game;

/** The shared resource arithmetic of all three scenarios: thresholds and regrowth. */
public final class Dynamics {

    private Dynamics() {
    }

    /** Returns the per-agent sustainable share {@code (h // 2) // n}; 0 when there is nobody. */
    public static int perAgentThreshold(int pool, int agents) {
        return agents <= 0 ? 0 : (pool / 2) / agents;
    }

    /** Returns the group's sustainable total {@code h // 2} (the most that can be taken while the pool still refills). */
    public static int groupThreshold(int pool) {
        return pool / 2;
    }

    /** Returns the pool after regrowth: doubled, capped at {@code capacity}. */
    public static int regrow(int left, int capacity) {
        return (int) Math.min(capacity, 2L * left);
    }
}
