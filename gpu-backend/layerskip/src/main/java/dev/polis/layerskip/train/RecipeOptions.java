package dev.polis.layerskip.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;

/**
 * The settings of the {@code layerskip} recipe, with defaults (torchtune's reference configuration where the spec
 * gives one).
 *
 * @param pMax         the largest layer-dropout probability (the last layer's), in [0, 1); default 0.2
 * @param dropoutScale how dropout grows with depth; default {@code exp}
 * @param fromScratch  whether dropout also grows over training, {@code S(t) = exp(t·ln2/(T-1)) - 1} (pretraining
 *                     from scratch); default false (continual pretraining and finetuning: S = 1)
 * @param eScale       the early-exit loss scale (weight of every layer but the last before normalisation), >= 0;
 *                     0 trains the last layer only; default 1
 * @param lossScale    the per-layer scale e(l); default {@code sum_l}
 * @param curriculum   which exits count at each step; default {@code gradual}
 * @param rotation     R of the rotational curriculum, >= 1; 0 (default) means L-1: one early exit per step
 */
public record RecipeOptions(double pMax, DropoutScale dropoutScale, boolean fromScratch, double eScale,
                            ExitLossScale lossScale, Curriculum curriculum, int rotation) {

    private static final Set<String> KEYS = Set.of("pMax", "dropoutScale", "fromScratch", "eScale", "lossScale",
            "curriculum", "rotation");

    /** Checks ranges. */
    public RecipeOptions {
        if (!(pMax >= 0 && pMax < 1)) {
            throw new InvalidInputException("layerskip pMax must be in [0, 1) but was " + pMax);
        }
        if (!(eScale >= 0) || Double.isInfinite(eScale)) {
            throw new InvalidInputException("layerskip eScale must be finite and >= 0 but was " + eScale);
        }
        if (rotation < 0) {
            throw new InvalidInputException("layerskip rotation must be >= 0 (0 = L-1) but was " + rotation);
        }
    }

    /**
     * Reads the options from {@code settings}, refusing unknown keys; snake case is accepted too ({@code p_max} for
     * {@code pMax}).
     */
    public static RecipeOptions from(Settings given) {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        given.asMap().forEach((key, value) -> KEYS.stream()
                .filter(k -> k.equalsIgnoreCase(key.replace("_", "")))
                .findFirst()
                .ifPresentOrElse(k -> values.put(k, value), () -> unknown.add(key)));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("recipe 'layerskip' has no setting " + unknown + "; known: "
                    + new TreeSet<>(KEYS));
        }
        Settings settings = new Settings() {
            @Override
            public Map<String, Object> asMap() {
                return values;
            }

            @Override
            public <T> T bind(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
        return new RecipeOptions(settings.doubleValue("pMax", 0.2),
                DropoutScale.parse(settings.string("dropoutScale", "exp")),
                settings.booleanValue("fromScratch", false),
                settings.doubleValue("eScale", 1.0),
                ExitLossScale.parse(settings.string("lossScale", "sum_l")),
                Curriculum.parse(settings.string("curriculum", "gradual")),
                settings.intValue("rotation", 0));
    }

    /** Returns the options as plain values, defaults included, from which {@link #from} rebuilds them. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pMax", pMax);
        map.put("dropoutScale", dropoutScale.label());
        map.put("fromScratch", fromScratch);
        map.put("eScale", eScale);
        map.put("lossScale", lossScale.label());
        map.put("curriculum", curriculum.label());
        map.put("rotation", rotation);
        return map;
    }
}
