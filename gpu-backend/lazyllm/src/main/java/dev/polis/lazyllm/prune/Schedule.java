package dev.polis.lazyllm.prune;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;
import dev.polis.api.InvalidInputException;

/**
 * Where LazyLLM prunes and how much: after each named layer, the fraction of the prompt's tokens still computed in the
 * layers that follow (cumulative, never growing with depth). Written {@code "layer:keep,..."}, e.g.
 * {@code "2:0.7,4:0.5,6:0.35"}: all tokens through layer 2, then 70 % of them through layer 4, and so on. A layer
 * prunes its own share of the tokens still alive: {@link #rate(int)} is {@code 1 - keep / previous keep}, which is
 * also the share a decoding step drops there.
 *
 * @param layers the pruning layers, ascending
 * @param keep   the cumulative keep fraction after each, in (0, 1], non-increasing
 */
public record Schedule(int[] layers, double[] keep) {

    /** Checks that the arrays line up; {@link #parse} gives the errors a user sees. */
    public Schedule {
        layers = layers.clone();
        keep = keep.clone();
        if (layers.length != keep.length) {
            throw new IllegalArgumentException("one keep fraction per layer");
        }
    }

    /** Returns the spec's default for {@code modelLayers} layers: keep 0.7, 0.5, 0.35 after L/4, L/2, 3L/4. */
    public static Schedule defaultFor(int modelLayers) {
        TreeMap<Integer, Double> map = new TreeMap<>();
        double[] keeps = {0.7, 0.5, 0.35};
        int[] at = {modelLayers / 4, modelLayers / 2, 3 * modelLayers / 4};
        for (int i = 0; i < at.length; i++) {
            if (at[i] < modelLayers - 1) {
                map.merge(at[i], keeps[i], Math::min);
            }
        }
        return of(map);
    }

    /**
     * Parses {@code text} for a model of {@code modelLayers} layers; {@code setting} names the setting in errors.
     *
     * @throws InvalidInputException when an entry is not {@code layer:fraction}, a fraction is outside (0, 1], a layer
     *                               is not one of the model's (the last cannot prune: nothing runs after it), a layer
     *                               repeats, or a fraction is above an earlier layer's
     */
    public static Schedule parse(String text, int modelLayers, String setting) {
        String example = " (write layer:keep pairs, e.g. " + setting + ": \"" + Math.max(0, modelLayers / 4) + ":0.5,"
                + Math.max(0, modelLayers / 2) + ":0.3\")";
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(setting + ": empty schedule" + example);
        }
        TreeMap<Integer, Double> map = new TreeMap<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split(":");
            int layer;
            double keep;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                layer = Integer.parseInt(parts[0].trim());
                keep = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(setting + ": '" + entry.trim() + "' is not layer:keep" + example);
            }
            if (!(keep > 0 && keep <= 1)) {
                throw new InvalidInputException(setting + ": '" + entry.trim() + "' keeps " + keep + " of the prompt "
                        + "after layer " + layer + "; a keep fraction is in (0, 1]" + example);
            }
            if (layer < 0 || layer >= modelLayers - 1) {
                throw new InvalidInputException(setting + ": layer " + layer + " is not a layer that can prune in "
                        + "this model of " + modelLayers + " layers (0 to " + (modelLayers - 2) + "; the last layer, "
                        + (modelLayers - 1) + ", has no layer after it to skip)");
            }
            if (map.put(layer, keep) != null) {
                throw new InvalidInputException(setting + ": layer " + layer + " appears twice" + example);
            }
        }
        double previous = 1;
        for (var e : map.entrySet()) {
            if (e.getValue() > previous) {
                throw new InvalidInputException(setting + ": keeps " + e.getValue() + " after layer " + e.getKey()
                        + ", more than the " + previous + " kept by an earlier layer; keep fractions are cumulative "
                        + "shares of the prompt and cannot grow with depth");
            }
            previous = e.getValue();
        }
        return of(map);
    }

    private static Schedule of(TreeMap<Integer, Double> map) {
        return new Schedule(map.keySet().stream().mapToInt(Integer::intValue).toArray(),
                map.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Returns the share of the tokens alive before pruning layer {@code index} that it drops. */
    public double rate(int index) {
        double before = index == 0 ? 1 : keep[index - 1];
        return 1 - keep[index] / before;
    }

    /** Returns whether no layer prunes anything (every keep fraction 1). */
    public boolean keepsAll() {
        return Arrays.stream(keep).allMatch(k -> k >= 1);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    @Override
    public double[] keep() {
        return keep.clone();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < layers.length; i++) {
            text.append(i == 0 ? "" : ",").append(layers[i]).append(':')
                    .append(String.format(Locale.ROOT, "%.3g", keep[i]).replaceAll("0+$", "").replaceAll("\\.$", ""));
        }
        return text.isEmpty() ? "(none)" : text.toString();
    }
}
