package dev.polis.layerskip.decode;

import java.util.Set;
import java.util.TreeSet;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;

/**
 * The decoders' settings: the exit layer E and the number of drafted tokens d; 0 means "pick by calibration" (auto).
 *
 * <p>They come only from the decoder's configuration block, which the runtime hands it as
 * {@link dev.polis.api.inference.DecodeRequest#options()}; in a pipeline:
 * <pre>{@code
 * runtime:
 *   decoder: decoder.self-speculative
 *   settings:
 *     decoder.self-speculative: {exitLayer: 6, draftTokens: 8}
 * }</pre>
 * An absent key, 0 or {@code auto} leaves the value to calibration.
 *
 * @param exitLayer   E, the number of layers the draft runs, in {@code [1, L-1]}; 0 for auto
 * @param draftTokens d, the most tokens drafted per round, at least 1; 0 for auto
 */
public record LayerSkipSettings(int exitLayer, int draftTokens) {

    /** The key of E in a decoder's settings block. */
    public static final String EXIT_LAYER = "exitLayer";
    /** The key of d in a decoder's settings block. */
    public static final String DRAFT_TOKENS = "draftTokens";

    /** Auto mode for both. */
    public static final LayerSkipSettings AUTO = new LayerSkipSettings(0, 0);

    /** Checks the ranges that do not depend on the model. */
    public LayerSkipSettings {
        if (exitLayer < 0 || draftTokens < 0) {
            throw new InvalidInputException("LayerSkip exitLayer and draftTokens must be >= 0 (0 = auto) but were "
                    + exitLayer + " and " + draftTokens);
        }
    }

    /** Returns whether E or d is left to calibration. */
    public boolean auto() {
        return exitLayer == 0 || draftTokens == 0;
    }

    /** Returns these settings with unset fields taken from {@code fallback}. */
    public LayerSkipSettings orElse(LayerSkipSettings fallback) {
        return new LayerSkipSettings(exitLayer != 0 ? exitLayer : fallback.exitLayer,
                draftTokens != 0 ? draftTokens : fallback.draftTokens);
    }

    /**
     * Checks E against a model of {@code layers} layers.
     *
     * @throws InvalidInputException when E is not in {@code [1, layers-1]}: E = L leaves nothing to verify with
     */
    public void check(int layers) {
        if (exitLayer != 0 && (exitLayer < 1 || exitLayer >= layers)) {
            throw new InvalidInputException("LayerSkip exitLayer must be in [1, " + (layers - 1) + "] for this "
                    + layers + "-layer model but was " + exitLayer);
        }
    }

    /**
     * Reads the settings block {@code options} of decoder {@code decoderId}.
     *
     * @throws InvalidInputException when a value is not a whole number >= 0 or {@code auto}, or a key is unknown; the
     *                               message names {@code runtime.settings.<decoderId>.<key>}
     */
    public static LayerSkipSettings from(Settings options, String decoderId) {
        String path = "runtime.settings." + decoderId;
        Set<String> unknown = new TreeSet<>(options.asMap().keySet());
        unknown.removeAll(Set.of(EXIT_LAYER, DRAFT_TOKENS));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(path + ": unknown setting" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (known: " + EXIT_LAYER + ", " + DRAFT_TOKENS + ")");
        }
        return new LayerSkipSettings(number(options, EXIT_LAYER, path), number(options, DRAFT_TOKENS, path));
    }

    private static int number(Settings options, String key, String path) {
        Object value = options.get(key).orElse(null);
        if (value == null || String.valueOf(value).trim().equalsIgnoreCase("auto")) {
            return 0;
        }
        String text = String.valueOf(value).trim();
        try {
            int number = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? Math.toIntExact(n.longValue()) : Integer.parseInt(text);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new InvalidInputException(path + "." + key + ": expected a whole number >= 0 or 'auto' (0 and 'auto' "
                + "let calibration choose) but found '" + text + "'");
    }
}
