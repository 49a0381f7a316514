package dev.polis.govsim.game;

/** Decides when the pool left after a harvest counts as collapsed (spec quirk 7). */
public enum CollapseRule {
    /** The original code: collapsed when fewer than 5 units are left, so exactly 5 survives (default). */
    CODE,
    /** The paper's wording, survival needs h &gt; C: collapsed when 5 or fewer are left. */
    PAPER;

    /** Returns whether {@code left} units after harvesting mean collapse, for a threshold {@code c}. */
    public boolean collapsed(int left, int c) {
        return this == CODE ? left < c : left <= c;
    }
}
