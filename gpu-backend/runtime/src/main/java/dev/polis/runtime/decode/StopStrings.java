package dev.polis.runtime.decode;

import java.util.List;

/**
 * Finds stop strings in streamed text, including ones split across tokens, and says how much text is safe to show.
 *
 * <p>Text that could still turn out to be the start of a stop string is held back until the next piece decides.
 */
public final class StopStrings {

    private final List<String> stops;

    /** Creates a matcher for {@code stops}; empty strings are ignored. */
    public StopStrings(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Returns whether there is nothing to look for. */
    public boolean isEmpty() {
        return stops.isEmpty();
    }

    /** Returns where the earliest stop string starts in {@code text}, or -1 when none occurs. */
    public int firstMatch(CharSequence text) {
        String string = text.toString();
        int first = -1;
        for (String stop : stops) {
            int at = string.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** Returns the length of the longest end of {@code text} that begins some stop string (and so must be held). */
    public int heldBack(CharSequence text) {
        int held = 0;
        for (String stop : stops) {
            int max = Math.min(stop.length() - 1, text.length());
            for (int length = max; length > held; length--) {
                if (endsWith(text, stop, length)) {
                    held = length;
                    break;
                }
            }
        }
        return held;
    }

    private static boolean endsWith(CharSequence text, String stop, int length) {
        int offset = text.length() - length;
        for (int i = 0; i < length; i++) {
            if (text.charAt(offset + i) != stop.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
