package dev.polis.snapkv.policy;

import java.util.Locale;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;

/**
 * The settings of {@code accelerator.snapkv}, checked: how many prompt entries each key/value head keeps, the
 * observation window whose queries vote, and the pooling of the votes.
 *
 * @param capacity the prompt entries each key/value head keeps (window included); prompts of at most this many
 *                 tokens stay uncompressed
 * @param window   the last prompt tokens whose queries vote (always kept)
 * @param kernel   the pooling kernel over neighbouring votes (odd; 1 = no pooling)
 * @param pooling  {@code max} or {@code avg}
 */
public record SnapKvSettings(int capacity, int window, int kernel, Pooling pooling) {

    /** LongBench's configuration in the SnapKV repository: capacity 2048, window 32, max-pool kernel 7. */
    public static final SnapKvSettings DEFAULTS = new SnapKvSettings(2048, 32, 7, Pooling.MAX);

    /** The settings block as written, every key optional. */
    public record Block(Integer capacity, Integer window, Integer kernel, String pooling) {
    }

    /** Checks the values; each error names its setting and says how to fix it. */
    public SnapKvSettings {
        if (window < 1) {
            throw new InvalidInputException("window: must be at least 1 but was " + window
                    + " (the observation window is the last prompt tokens whose queries vote)");
        }
        if (capacity < window) {
            throw new InvalidInputException("capacity: " + capacity + " is below the window of " + window
                    + " (window: " + window + " is larger than the capacity); every head keeps the whole window, so "
                    + "raise capacity to at least " + window + " or lower window");
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new InvalidInputException("kernel: must be an odd number >= 1 but was " + kernel + " (an even "
                    + "kernel shifts the pooled votes by one position; use " + Math.max(1, kernel + 1) + ")");
        }
    }

    /** Reads {@code settings} (keys {@code capacity}, {@code window}, {@code kernel}, {@code pooling}) over the defaults. */
    public static SnapKvSettings of(Settings settings) {
        return of(settings.bind(Block.class));
    }

    /** Returns the block's values over the defaults, checked. */
    public static SnapKvSettings of(Block block) {
        return new SnapKvSettings(
                block.capacity() == null ? DEFAULTS.capacity : block.capacity(),
                block.window() == null ? DEFAULTS.window : block.window(),
                block.kernel() == null ? DEFAULTS.kernel : block.kernel(),
                block.pooling() == null ? DEFAULTS.pooling : pooling(block.pooling()));
    }

    private static Pooling pooling(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "max", "maxpool" -> Pooling.MAX;
            case "avg", "avgpool", "average" -> Pooling.AVG;
            default -> throw new InvalidInputException("pooling: expected max or avg but found '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return "capacity " + capacity + ", window " + window + ", " + pooling.name().toLowerCase(Locale.ROOT)
                + "-pool kernel " + kernel;
    }
}
