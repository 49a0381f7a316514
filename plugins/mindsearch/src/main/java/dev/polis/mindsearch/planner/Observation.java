package dev.polis.mindsearch.planner;

import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.NodeStatus;
import java.util.List;
import java.util.Map;

/**
 * What the planner is told after a turn: every answered sub-question so far with its globally numbered citations
 * (as the original does, earlier answers are repeated), failed nodes with their reason, and the problems of its
 * last reply.
 */
final class Observation {

    private Observation() {
    }

    static String render(List<GraphNode> searchers, Map<String, String> answers, List<String> errors, boolean added) {
        StringBuilder out = new StringBuilder();
        for (GraphNode node : searchers) {
            if (!node.finished()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append("## ").append(node.content()).append("\n\n");
            out.append(node.status() == NodeStatus.DONE ? answers.getOrDefault(node.name(), node.answer())
                    : "(no answer: " + node.error() + ")");
        }
        if (!errors.isEmpty()) {
            out.append(out.isEmpty() ? "" : "\n\n").append("Problems with your last reply (fix them and go on):");
            errors.forEach(e -> out.append("\n- ").append(e));
        } else if (!added) {
            out.append(out.isEmpty() ? "" : "\n\n").append("Your last reply added no sub-question. Add sub-questions,"
                    + " or add the response node when you can answer.");
        }
        return out.toString();
    }
}
