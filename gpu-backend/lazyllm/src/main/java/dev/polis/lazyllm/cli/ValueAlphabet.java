package dev.polis.lazyllm.cli;

import java.util.Locale;
import java.util.SplittableRandom;
import dev.polis.api.InvalidInputException;

/**
 * The characters a retrieval fact's four-character value is drawn from. {@link #DIGITS} gives the values
 * 1000-9999; {@link #SYMBOLS} draws each character from 32 (the ten digits and 22 ASCII signs that neither the filler,
 * the keys nor the punctuation use), so that a value's characters rarely occur elsewhere in a context and copying
 * them from the fact is the only way to predict them.
 */
public enum ValueAlphabet {
    /** Four digits, 1000-9999 (the task's original values). */
    DIGITS,
    /** Four characters, each one of {@link #SYMBOL_CHARACTERS}. */
    SYMBOLS;

    /** The 32 characters of {@link #SYMBOLS}. */
    public static final String SYMBOL_CHARACTERS = "0123456789!#$%&*+-/;<=>@[]^_{|}~";

    /** Returns a value drawn with {@code random}. */
    public String draw(SplittableRandom random) {
        if (this == DIGITS) {
            return String.valueOf(1000 + random.nextInt(9000));
        }
        char[] value = new char[4];
        for (int i = 0; i < value.length; i++) {
            value[i] = SYMBOL_CHARACTERS.charAt(random.nextInt(SYMBOL_CHARACTERS.length()));
        }
        return new String(value);
    }

    /** Returns the alphabet named {@code name} ({@code digits} or {@code symbols}), for the option {@code option}. */
    public static ValueAlphabet named(String name, String option) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + ": '" + name + "' is not a value alphabet; use digits or symbols");
        }
    }
}
