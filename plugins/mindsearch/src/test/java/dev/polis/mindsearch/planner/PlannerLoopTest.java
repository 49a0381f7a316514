package dev.polis.mindsearch.planner;

import static dev.polis.mindsearch.fixture.MultiHopScript.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.mindsearch.fixture.FunctionModel;
import dev.polis.mindsearch.fixture.Harness;
import dev.polis.mindsearch.fixture.MemoryBackend;
import dev.polis.mindsearch.graph.NodeStatus;
import org.junit.jupiter.api.Test;

/** The planner's loop: errors as observations, max turns, direct answers, failing searchers, shared citations. */
class PlannerLoopTest {

    private final Harness harness = new Harness();
    private final MemoryBackend backend = new MemoryBackend()
            .add("osk", "Osk", "The river Osk flows through Kellmouth.")
            .add("varn", "Ada Varn", "Ada Varn was born in Kellmouth.");

    @Test
    void badCodeComesBackAsAnObservationAndThePlannerCorrectsItself() {
        FunctionModel model = FunctionModel.text(r -> !Harness.planner(r) ? "sub-answer"
                : Harness.finalAnswer(r) ? "final" : switch (Harness.turn(r)) {
                    case 1 -> code("", "graph.add_node('q1', 'Q1')", "graph.add_edge(start_node='root', endNode='q1')");
                    case 2 -> code("", "graph.add_edge(start_node='root', end_node='q1')", "graph.node('q_1')");
                    default -> code("", "graph.add_response_node()");
                });

        PlannerResult result = harness.solve(model, backend, Harness.settings(), "Q");

        assertThat(result.complete()).isTrue();
        assertThat(Harness.lastTool(model.requests("planner").get(1))).contains("## Q1\n\nsub-answer",
                "Problems with your last reply", "line 2: add_edge() got an unexpected keyword argument 'endNode'");
        assertThat(Harness.lastTool(model.requests("planner").get(2))).contains("no node named 'q_1'");
        assertThat(harness.events("mindsearch.planner.error")).hasSize(2);
    }

    @Test
    void whenTurnsRunOutTheFinalAnswerIsAskedFor() {
        FunctionModel model = FunctionModel.text(r -> !Harness.planner(r) ? "sub-answer"
                : Harness.finalAnswer(r) ? "final after all" : code("", "graph.add_node('n" + Harness.turn(r) + "', 'Q"
                        + Harness.turn(r) + "')"));

        PlannerResult result = harness.solve(model, backend, Harness.settings().withTurns(2, 4), "Q");

        assertThat(result.complete()).isTrue();
        assertThat(result.answer().text()).isEqualTo("final after all");
        assertThat(result.turns()).isEqualTo(2);
        assertThat(model.requests("planner")).hasSize(3);
        assertThat(harness.events("mindsearch.planner.turns-exhausted")).hasSize(1);
    }

    @Test
    void aFailingPlannerModelEndsWithThePartialAnswerAndTheReason() {
        FunctionModel model = FunctionModel.responses(r -> {
            if (!Harness.planner(r)) {
                return FunctionModel.reply(Harness.turn(r) == 1 ? "<|action_start|><|plugin|>{\"name\": \"search\","
                        + " \"parameters\": {\"query\": [\"Kellmouth\"]}}" : "Kellmouth [[0]]");
            }
            if (Harness.turn(r) == 2) {
                throw new IllegalStateException("connection refused");
            }
            return FunctionModel.reply(code("", "graph.add_node('a', 'where born')"));
        });

        PlannerResult result = harness.solve(model, backend, Harness.settings(), "Q");

        assertThat(result.complete()).isFalse();
        assertThat(result.problem()).isEqualTo("the planner stopped: IllegalStateException: connection refused");
        assertThat(result.answer().text()).contains("(partial answer", "## where born", "Kellmouth [[1]]");
        assertThat(result.answer().references()).hasSize(1);
        assertThat(harness.events("mindsearch.error")).hasSize(1);
    }

    @Test
    void aReplyWithoutCodeIsTheAnswer() {
        FunctionModel model = FunctionModel.text(r -> "It is 42.");

        PlannerResult result = harness.solve(model, backend, Harness.settings(), "Q");

        assertThat(result.complete()).isTrue();
        assertThat(result.answer().text()).isEqualTo("It is 42.");
        assertThat(result.graph().searchers()).isEmpty();
    }

    @Test
    void aFailingSearcherFailsItsNodeOnly() {
        FunctionModel model = FunctionModel.responses(r -> {
            if (!Harness.planner(r)) {
                if (Harness.problem(r).equals("Qbad")) {
                    throw new IllegalStateException("model server went away");
                }
                return FunctionModel.reply("fine");
            }
            return FunctionModel.reply(Harness.finalAnswer(r) ? "final" : Harness.turn(r) == 1
                    ? code("", "graph.add_node('bad', 'Qbad')", "graph.add_node('good', 'Qgood')")
                    : code("", "graph.add_response_node()"));
        });

        PlannerResult result = harness.solve(model, backend, Harness.settings(), "Q");

        assertThat(result.complete()).isTrue();
        assertThat(result.graph().node("bad").status()).isEqualTo(NodeStatus.FAILED);
        assertThat(result.graph().node("bad").error()).contains("model server went away");
        assertThat(result.graph().node("good").answer()).isEqualTo("fine");
    }

    @Test
    void twoNodesCitingOneDocumentShareItsNumberAndTheAnswerIsRenumberedInOrder() {
        FunctionModel model = FunctionModel.text(r -> {
            if (Harness.planner(r)) {
                return Harness.finalAnswer(r) ? "The river [[2]] flows where she was born [[1]][[2]]; also [[9]]." : Harness.turn(r) == 1
                        ? code("", "graph.add_node('a', 'where born')", "graph.add_node('b', 'which river')")
                        : code("", "graph.add_response_node()");
            }
            if (Harness.turn(r) == 1) {
                return "<|action_start|><|plugin|>{\"name\": \"search\", \"parameters\": {\"query\": [\"Kellmouth\"]}}";
            }
            return Harness.problem(r).equals("where born") ? "Kellmouth [[1]] [[7]]" : "Osk [[0]], Kellmouth [[1]]";
        });

        PlannerResult result = harness.solve(model, backend, Harness.settings(), "Q");

        String observation = Harness.lastTool(model.requests("planner").get(1));
        assertThat(observation).contains("## where born\n\nKellmouth [[1]] ", "## which river\n\nOsk [[2]], Kellmouth [[1]]");
        assertThat(result.sources().dangling()).isEqualTo(1);
        assertThat(result.answer().text()).isEqualTo("The river [[1]] flows where she was born [[2]][[1]]; also .");
        assertThat(result.answer().references()).extracting(ref -> ref.source().key()).containsExactly("osk", "varn");
        assertThat(result.answer().unknown()).isEqualTo(1);
    }

    @Test
    void theOriginalsNumberingRepeatsSourcesLeavesGapsAndKeepsTheFinalAnswersNumbers() {
        FunctionModel model = FunctionModel.text(r -> {
            if (Harness.planner(r)) {
                return Harness.finalAnswer(r) ? "The river [[4]] flows where she was born [[1]][[5]]; also [[9]]."
                        : Harness.turn(r) == 1 ? code("", "graph.add_node('a', 'where born')",
                        "graph.add_node('b', 'which river')") : code("", "graph.add_response_node()");
            }
            if (Harness.turn(r) == 1) {
                return "<|action_start|><|plugin|>{\"name\": \"search\", \"parameters\": {\"query\": [\"Kellmouth\"]}}";
            }
            return Harness.problem(r).equals("where born") ? "Kellmouth [[1]] [[7]]" : "Osk [[0]], Kellmouth [[1]]";
        });

        PlannerResult result = harness.solve(model, backend,
                Harness.settings().withCitations(dev.polis.mindsearch.config.CitationMode.ORIGINAL), "Q");

        assertThat(Harness.lastTool(model.requests("planner").get(1))).contains("## where born\n\nKellmouth [[1]] [[2]]",
                "## which river\n\nOsk [[4]], Kellmouth [[5]]");
        assertThat(result.answer().text()).isEqualTo("The river [[4]] flows where she was born [[1]][[5]]; also [[9]].");
        assertThat(result.answer().references()).extracting(ref -> ref.number() + ":" + ref.source().key())
                .containsExactly("4:osk", "1:varn", "5:varn");
        assertThat(result.answer().unknown()).isEqualTo(1);
        assertThat(result.sources().dangling()).isEqualTo(1);
    }

    @Test
    void searchResultsEnterTheSearchersPromptAtToolPrivilege() {
        FunctionModel model = FunctionModel.text(r -> Harness.planner(r)
                ? (Harness.finalAnswer(r) ? "f" : Harness.turn(r) == 1 ? code("", "graph.add_node('a', 'Kellmouth')")
                        : code("", "graph.add_response_node()"))
                : Harness.turn(r) == 1 ? "<|action_start|><|plugin|>{\"name\": \"search\", \"parameters\": {\"query\": "
                        + "[\"Kellmouth\"]}}<|action_end|>" : "done [[0]]");

        harness.solve(model, backend, Harness.settings(), "Q");

        ChatRequest second = model.requests("searcher/a").get(1);
        assertThat(second.messages()).filteredOn(m -> m.content().contains("Kellmouth."))
                .isNotEmpty().allSatisfy(m -> {
                    assertThat(m.role()).isEqualTo(Role.TOOL);
                    assertThat(m.privilege()).isEqualTo(Privilege.TOOL);
                });
    }
}
