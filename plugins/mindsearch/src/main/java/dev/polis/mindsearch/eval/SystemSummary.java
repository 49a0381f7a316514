package dev.polis.mindsearch.eval;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One system's figures over a QA file: means per question, except citation precision (supported citations over
 * all citations, pooled over the questions; null when nothing was cited) and the total wall time.
 *
 * @param system            the system's id
 * @param questions         questions scored
 * @param complete          questions with a final answer
 * @param exactMatch        mean exact match
 * @param f1                mean token F1
 * @param contains          mean answer containment
 * @param plannerTurns      mean planner turns
 * @param nodes             mean searcher nodes
 * @param searches          mean search calls
 * @param documentsSurfaced mean distinct documents surfaced
 * @param documentsRead     mean distinct documents read
 * @param modelCalls        mean model calls
 * @param citations         citations in all final answers
 * @param citationPrecision supported citations over citations, or null
 * @param wallSeconds       total wall time
 */
public record SystemSummary(String system, int questions, int complete, double exactMatch, double f1,
                            double contains, double plannerTurns, double nodes, double searches,
                            double documentsSurfaced, double documentsRead, double modelCalls, int citations,
                            Double citationPrecision, double wallSeconds) {

    /** Summarises {@code scores}, all of one system. */
    public static SystemSummary of(String system, List<QuestionScore> scores) {
        int cited = scores.stream().mapToInt(QuestionScore::citations).sum();
        int supported = scores.stream().mapToInt(QuestionScore::supportedCitations).sum();
        return new SystemSummary(system, scores.size(), (int) scores.stream().filter(QuestionScore::complete).count(),
                mean(scores, QuestionScore::exactMatch), mean(scores, QuestionScore::f1),
                mean(scores, QuestionScore::contains), mean(scores, QuestionScore::plannerTurns),
                mean(scores, QuestionScore::nodes), mean(scores, QuestionScore::searches),
                mean(scores, QuestionScore::documentsSurfaced), mean(scores, QuestionScore::documentsRead),
                mean(scores, QuestionScore::modelCalls), cited, cited == 0 ? null : (double) supported / cited,
                scores.stream().mapToDouble(QuestionScore::wallSeconds).sum());
    }

    private static double mean(List<QuestionScore> scores, ToDoubleFunction<QuestionScore> value) {
        return scores.stream().mapToDouble(value).average().orElse(0);
    }
}
