package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Parses a seed list such as {@code 1-5}, {@code 0,21,42} or {@code 1-3,10}. */
final class Seeds {

    private Seeds() {
    }

    static List<Long> parse(String text) {
        List<Long> seeds = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    long from = Long.parseLong(p.substring(0, dash).trim());
                    long to = Long.parseLong(p.substring(dash + 1).trim());
                    if (to < from || to - from > 1_000_000) {
                        throw new NumberFormatException();
                    }
                    for (long s = from; s <= to; s++) {
                        seeds.add(s);
                    }
                } else if (!p.isEmpty()) {
                    seeds.add(Long.parseLong(p));
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--seeds '" + text + "': write seeds as a list or ranges, for example 1-5 or"
                    + " 0,21,42");
        }
        if (seeds.isEmpty()) {
            throw new InvalidInputException("--seeds '" + text + "' names no seed; for example 1-5");
        }
        return seeds;
    }
}
