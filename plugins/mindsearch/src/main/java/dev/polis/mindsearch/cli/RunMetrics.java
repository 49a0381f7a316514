package dev.polis.mindsearch.cli;

import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.NodeStatus;
import dev.polis.mindsearch.planner.PlannerResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The metrics a MindSearch run writes to {@code metrics.json}. */
final class RunMetrics {

    private RunMetrics() {
    }

    static Map<String, Double> of(PlannerResult result) {
        Set<String> surfaced = new HashSet<>();
        Set<String> read = new HashSet<>();
        int searches = 0;
        int failed = 0;
        for (GraphNode node : result.graph().searchers()) {
            node.results().forEach(hit -> surfaced.add(hit.id()));
            read.addAll(node.read());
            searches += node.searches();
            failed += node.status() == NodeStatus.FAILED ? 1 : 0;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("plannerTurns", (double) result.turns());
        metrics.put("nodes", (double) result.graph().searchers().size());
        metrics.put("failedNodes", (double) failed);
        metrics.put("searches", (double) searches);
        metrics.put("documentsSurfaced", (double) surfaced.size());
        metrics.put("documentsRead", (double) read.size());
        metrics.put("citations", (double) result.answer().references().size());
        metrics.put("danglingCitations", (double) (result.sources().dangling() + result.answer().unknown()));
        return metrics;
    }
}
