package dev.polis.mindsearch.exec;

import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.SearchGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders a turn's new nodes so that a node comes after its parents of the same turn (declaration order otherwise);
 * nodes caught in an edge cycle come last, in declaration order.
 */
final class TurnOrder {

    private TurnOrder() {
    }

    static List<GraphNode> of(SearchGraph graph, List<GraphNode> fresh) {
        Set<String> names = new LinkedHashSet<>();
        fresh.forEach(n -> names.add(n.name()));
        List<GraphNode> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && ordered.size() < fresh.size()) {
            progress = false;
            for (GraphNode node : fresh) {
                if (placed.contains(node.name())) {
                    continue;
                }
                boolean ready = graph.parentsOf(node.name()).stream()
                        .allMatch(p -> !names.contains(p.name()) || placed.contains(p.name()));
                if (ready) {
                    ordered.add(node);
                    placed.add(node.name());
                    progress = true;
                }
            }
        }
        fresh.stream().filter(n -> !placed.contains(n.name())).forEach(ordered::add);
        return ordered;
    }
}
