package dev.polis.mindsearch.planner;

import static dev.polis.mindsearch.fixture.MultiHopScript.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.mindsearch.config.ParentContext;
import dev.polis.mindsearch.fixture.FunctionModel;
import dev.polis.mindsearch.fixture.Harness;
import dev.polis.mindsearch.fixture.MemoryBackend;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Which parent answers a child node gets: all of them, whatever order nodes and edges were declared in (fixed), or
 * the original's (only parents answered before the child was declared, with the edge declared first).
 */
class ParentContextTest {

    private final Harness harness = new Harness();

    /** Turn 1 declares the child before its parent and the edge last; turn 2 adds two more children of 'parent'. */
    private static String planner(ChatRequest r) {
        if (Harness.finalAnswer(r)) {
            return "done";
        }
        return switch (Harness.turn(r)) {
            case 1 -> code("", "graph.add_node('child', 'Q child')", "graph.add_node('parent', 'Q parent')",
                    "graph.add_edge('parent', 'child')");
            case 2 -> code("", "graph.add_edge('parent', 'edge_first')", "graph.add_node('edge_first', 'Q edge first')",
                    "graph.add_node('node_first', 'Q node first')", "graph.add_edge('parent', 'node_first')");
            default -> code("", "graph.add_response_node()");
        };
    }

    private FunctionModel run(ParentContext mode) {
        Function<ChatRequest, String> answer = r -> Harness.planner(r) ? planner(r) : "answer to " + Harness.problem(r);
        FunctionModel model = FunctionModel.text(answer);
        harness.solve(model, new MemoryBackend(), Harness.settings().withParentContext(mode), "Q root");
        return model;
    }

    private static List<String> history(FunctionModel model, String node) {
        return model.requests("searcher/" + node).getFirst().messages().stream()
                .filter(m -> m.content().startsWith("## Historical Problem")).map(Message::content).toList();
    }

    @Test
    void fixedGivesAChildItsParentsAnswerEvenWhenDeclaredBeforeTheParentAndTheEdge() {
        FunctionModel model = run(ParentContext.FIXED);

        assertThat(history(model, "child")).containsExactly("## Historical Problem\nQ parent\nAnswer: answer to Q parent");
        assertThat(history(model, "node_first")).hasSize(1);
        assertThat(history(model, "edge_first")).hasSize(1);
        assertThat(model.requests("searcher/child").getFirst().messages()).filteredOn(
                m -> m.content().startsWith("## Historical")).extracting(Message::privilege).containsOnly(Privilege.TOOL);
    }

    @Test
    void originalGivesOnlyParentsAnsweredBeforeTheChildWithTheEdgeDeclaredFirst() {
        FunctionModel model = run(ParentContext.ORIGINAL);

        assertThat(history(model, "child")).as("parent of the same turn").isEmpty();
        assertThat(history(model, "edge_first")).as("edge declared before the node").hasSize(1);
        assertThat(history(model, "node_first")).as("node declared before the edge").isEmpty();
    }
}
