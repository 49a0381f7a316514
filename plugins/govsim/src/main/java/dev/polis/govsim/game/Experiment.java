package dev.polis.govsim.game;

import dev.polis.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says which of the paper's experiment variants a run plays; the variants combine ({@code newcomer+universalization}).
 *
 * @param universalization whether each harvest carries the universalization hint
 * @param communication    whether the month has the mayor's report and the group chat
 * @param newcomer         whether 4 locals play 3 months before a profit-only newcomer joins (15 months)
 */
public record Experiment(boolean universalization, boolean communication, boolean newcomer) {

    /** The paper's default experiment. */
    public static final Experiment DEFAULT = new Experiment(false, true, false);

    /** Returns the id, for example {@code default}, {@code universalization}, {@code no-communication+newcomer}. */
    public String id() {
        List<String> parts = new ArrayList<>();
        if (newcomer) {
            parts.add("newcomer");
        }
        if (universalization) {
            parts.add("universalization");
        }
        if (!communication) {
            parts.add("no-communication");
        }
        return parts.isEmpty() ? "default" : String.join("+", parts);
    }

    /**
     * Parses an id such as {@code universalization} or {@code newcomer+universalization}.
     *
     * @throws InvalidInputException for an unknown part
     */
    public static Experiment parse(String text) {
        boolean univ = false;
        boolean com = true;
        boolean newcomer = false;
        for (String raw : text.split("\\+")) {
            String part = raw.trim().toLowerCase(Locale.ROOT);
            switch (part) {
                case "default", "baseline" -> { }
                case "universalization", "univ" -> univ = true;
                case "no-communication", "nocom", "no-language" -> com = false;
                case "newcomer", "outsider", "greedy-newcomer" -> newcomer = true;
                default -> throw new InvalidInputException("unknown experiment '" + raw.trim() + "' in '" + text
                        + "' (known: default, universalization, no-communication, newcomer; combine with '+', "
                        + "for example newcomer+universalization)");
            }
        }
        return new Experiment(univ, com, newcomer);
    }
}
