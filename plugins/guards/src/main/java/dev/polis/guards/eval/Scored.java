package dev.polis.guards.eval;

/**
 * An evaluation case with the detector's score.
 *
 * @param item  the case
 * @param score the attack score
 * @param why   the rule families and normaliser findings behind the score
 */
public record Scored(LabeledText item, double score, String why) {
}
