package dev.polis.guards.eval;

import java.util.Objects;
import dev.polis.api.chat.Privilege;

/**
 * One evaluation case: a text at a privilege level, labelled attack or benign.
 *
 * @param suite   the suite it belongs to ({@code cyberseceval-direct}, {@code notinject}, ...)
 * @param group   items sharing a template or source (kept on one side of a split)
 * @param text    the whole text a guard sees
 * @param payload the injected part of an attack (the whole text when not embedded), or the text when benign
 * @param attack  whether the text carries an instruction the privilege order says to ignore
 * @param level   the privilege it arrives with
 * @param where   the file and line (or entry) it came from, for reports
 * @param system  the higher-privilege instructions the text arrives under (a system prompt), or empty when the case
 *                has none
 */
public record LabeledText(String suite, String group, String text, String payload, boolean attack, Privilege level,
                          String where, String system) {

    /** A case without a system prompt. */
    public LabeledText(String suite, String group, String text, String payload, boolean attack, Privilege level,
                       String where) {
        this(suite, group, text, payload, attack, level, where, "");
    }

    /** Checks the components. */
    public LabeledText {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(where, "where");
    }
}
