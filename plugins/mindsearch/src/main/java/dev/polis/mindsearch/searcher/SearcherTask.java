package dev.polis.mindsearch.searcher;

import java.util.List;

/**
 * What a searcher is asked.
 *
 * @param node     the node's name
 * @param question the node's sub-question
 * @param topic    the root question
 * @param history  the answered parents: their questions and answers, in edge order
 */
public record SearcherTask(String node, String question, String topic, List<QuestionAnswer> history) {

    /** Copies the history. */
    public SearcherTask {
        history = List.copyOf(history);
    }

    /**
     * A parent's question and answer.
     *
     * @param question the parent's sub-question
     * @param answer   the parent's answer text
     */
    public record QuestionAnswer(String question, String answer) { }
}
