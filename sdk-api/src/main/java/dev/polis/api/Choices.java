package dev.polis.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Reads one of a fixed set of values by the label a setting or command-line option gives it, so that every extension
 * refuses a bad choice the same way: naming the setting, every label, and what was given, for example
 * {@code selection must be one of [attention, random] but was 'entropy'}. Labels are compared trimmed and without
 * regard to case.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Choices {

    private Choices() {
    }

    /**
     * Returns the constant of {@code type} labelled {@code given}; a constant's label is {@link #label(Enum)}.
     *
     * @throws InvalidInputException naming {@code setting} and every label when {@code given} is none of them
     */
    public static <E extends Enum<E>> E of(String setting, String given, Class<E> type) {
        return of(setting, given, Arrays.asList(type.getEnumConstants()), Choices::label);
    }

    /**
     * Returns the one of {@code values} whose {@code label} equals {@code given}.
     *
     * @throws InvalidInputException naming {@code setting} and every label when {@code given} is none of them
     */
    public static <T> T of(String setting, String given, List<T> values, Function<? super T, String> label) {
        String wanted = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        for (T value : values) {
            if (label.apply(value).toLowerCase(Locale.ROOT).equals(wanted)) {
                return value;
            }
        }
        throw new InvalidInputException(setting + " must be one of " + values.stream().map(label).toList()
                + " but was '" + given + "'");
    }

    /** Returns the label of an enum constant: its name in lower case, with '-' for '_' ({@code NO_SEARCH}: no-search). */
    public static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
