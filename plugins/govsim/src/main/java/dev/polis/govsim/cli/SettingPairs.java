package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeated {@code key=value} options (such as {@code --agent-setting rateImportance=false}) into a map. */
final class SettingPairs {

    private SettingPairs() {
    }

    /**
     * Returns the pairs in order; a later pair with the same key wins. The value is everything after the first
     * {@code =} (a model spec may hold more), kept as text: the settings reader converts numbers and booleans.
     *
     * @throws InvalidInputException for a pair without {@code =} or without a key
     */
    static Map<String, Object> parse(String option, List<String> pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (pairs == null) {
            return values;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new InvalidInputException(option + " '" + pair + "': write key=value, for example "
                        + option + " rateImportance=false");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return values;
    }
}
