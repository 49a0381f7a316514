package dev.polis.layerskip.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;

/**
 * The decoders' settings: the exit layer E and the number of drafted tokens d; 0 means "pick by calibration" (auto).
 *
 * <p>Decoders have no configuration block of their own, so {@link #resolve} reads, first found wins per field: the
 * system properties {@code polis.layerskip.exitLayer} / {@code polis.layerskip.draftTokens}, the environment
 * variables {@code POLIS_LAYERSKIP_EXIT_LAYER} / {@code POLIS_LAYERSKIP_DRAFT_TOKENS}, then {@code layerskip.json}
 * ({@code {"exitLayer": 8, "draftTokens": 6}}) in the checkpoint folder.
 *
 * @param exitLayer   E, the number of layers the draft runs, in {@code [1, L-1]}; 0 for auto
 * @param draftTokens d, the most tokens drafted per round, at least 1; 0 for auto
 */
public record LayerSkipSettings(int exitLayer, int draftTokens) {

    /** The name of the optional settings file in a checkpoint folder. */
    public static final String FILE = "layerskip.json";

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

    /** Resolves the settings for the checkpoint in {@code folder} (may be {@code null}) from the usual places. */
    public static LayerSkipSettings resolve(Path folder) {
        return resolve(folder, System::getProperty, System.getenv());
    }

    static LayerSkipSettings resolve(Path folder, Function<String, String> properties, Map<String, String> env) {
        LayerSkipSettings explicit = new LayerSkipSettings(
                number(properties.apply("polis.layerskip.exitLayer"), env.get("POLIS_LAYERSKIP_EXIT_LAYER"), "exitLayer"),
                number(properties.apply("polis.layerskip.draftTokens"), env.get("POLIS_LAYERSKIP_DRAFT_TOKENS"),
                        "draftTokens"));
        return explicit.orElse(fromFile(folder));
    }

    /** Reads {@value #FILE} in {@code folder}; {@link #AUTO} when there is none. */
    public static LayerSkipSettings fromFile(Path folder) {
        if (folder == null || !Files.isRegularFile(folder.resolve(FILE))) {
            return AUTO;
        }
        Path file = folder.resolve(FILE);
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return new LayerSkipSettings(root.path("exitLayer").asInt(0), root.path("draftTokens").asInt(0));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not readable JSON (" + e.getMessage() + ")");
        }
    }

    private static int number(String property, String variable, String name) {
        String text = property != null ? property : variable;
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("auto")) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("LayerSkip " + name + ": expected a whole number or 'auto' but found '"
                    + text + "'");
        }
    }
}
