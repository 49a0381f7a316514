package dev.polis.mindsearch.eval;

import java.util.List;

/**
 * One question of a QA file.
 *
 * @param id         a plain name, unique in its file; the question's run folder is named after it
 * @param question   the question
 * @param answers    the gold answers; a prediction is scored against the best-matching one
 * @param supporting supporting facts (text a cited document must contain) or document ids
 */
public record QaItem(String id, String question, List<String> answers, List<String> supporting) {

    /** Copies the lists. */
    public QaItem {
        answers = List.copyOf(answers);
        supporting = List.copyOf(supporting);
    }
}
