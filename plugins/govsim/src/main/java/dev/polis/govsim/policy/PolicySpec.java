package dev.polis.govsim.policy;

import dev.polis.api.InvalidInputException;
import dev.polis.govsim.protocol.GovSimAgent;
import java.util.Locale;

/**
 * Names a reference policy in one string, {@code kind[:parameter]}: {@code fixed:10}, {@code sustainable},
 * {@code greedy}, {@code greedy:0.5}, {@code random}, {@code random:20}, {@code universalization}.
 *
 * @param kind      the policy kind
 * @param parameter the optional parameter text ({@code ""} when none)
 */
public record PolicySpec(String kind, String parameter) {

    /** The kinds known, for messages. */
    public static final String KNOWN = "fixed:<units>, sustainable, greedy[:<fraction>], random[:<max>], "
            + "universalization";

    /**
     * Parses a policy spec.
     *
     * @throws InvalidInputException for an unknown kind or a bad parameter
     */
    public static PolicySpec parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("govsim.policy.")) {
            trimmed = trimmed.substring("govsim.policy.".length());
        }
        int colon = trimmed.indexOf(':');
        String kind = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String parameter = colon < 0 ? "" : trimmed.substring(colon + 1);
        PolicySpec spec = new PolicySpec(kind, parameter);
        spec.create("check", 0);
        return spec;
    }

    /** Creates the policy for agent {@code id}; {@code seed} seeds the random policy. */
    public GovSimAgent create(String id, long seed) {
        return switch (kind) {
            case "fixed" -> new FixedPolicy(id, (int) number(10));
            case "sustainable", "sustainable-share" -> new SustainableSharePolicy(id);
            case "greedy" -> new GreedyPolicy(id, number(1.0));
            case "random" -> new RandomPolicy(id, (int) number(-1), seed);
            case "universalization", "universalizer" -> new UniversalizationPolicy(id);
            default -> throw new InvalidInputException("unknown policy '" + kind + "' (known: " + KNOWN + ")");
        };
    }

    private double number(double fallback) {
        if (parameter.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(parameter);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("policy '" + kind + ":" + parameter + "': the parameter must be a number"
                    + " >= 0 (known policies: " + KNOWN + ")");
        }
    }

    /** Returns the spec as written, {@code kind[:parameter]}. */
    @Override
    public String toString() {
        return parameter.isEmpty() ? kind : kind + ":" + parameter;
    }
}
