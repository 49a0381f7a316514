package dev.polis.mindsearch.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.mindsearch.config.Protocol;
import dev.polis.mindsearch.fixture.FunctionModel;
import dev.polis.mindsearch.fixture.Harness;
import dev.polis.mindsearch.fixture.MemoryBackend;
import org.junit.jupiter.api.Test;

/** The JSON tool-call protocol: the planner's graph tools and the searchers' search and select as native calls. */
class ToolsProtocolTest {

    private final Harness harness = new Harness();
    private final MemoryBackend backend = new MemoryBackend()
            .add("osk", "Osk", "The river Osk flows through Kellmouth.")
            .add("varn", "Ada Varn", "Ada Varn was born in Kellmouth.");

    private static ChatResponse planner(ChatRequest r) {
        if (Harness.finalAnswer(r)) {
            return FunctionModel.reply("She was born in Kellmouth [[1]] on the Osk [[2]].");
        }
        return switch (Harness.turn(r)) {
            case 1 -> FunctionModel.calls(new ToolCall("c1", "add_node", "{\"name\": \"born\", \"question\": \"Where was Ada Varn born?\"}"),
                    new ToolCall("c2", "add_edge", "{\"start\": \"root\", \"end\": \"born\"}"),
                    new ToolCall("c3", "add_nodes", "{}"));
            case 2 -> FunctionModel.calls(new ToolCall("c4", "add_node", "{\"name\": \"river\", \"question\": \"Which river flows through Kellmouth?\"}"));
            default -> FunctionModel.calls(new ToolCall("c5", "add_response_node", "{}"));
        };
    }

    /** Searches, then selects result 0, then (last turn, no tools) answers citing it. */
    private static ChatResponse searcher(ChatRequest r) {
        return switch (Harness.turn(r)) {
            case 1 -> FunctionModel.calls(new ToolCall("s1", "search", "{\"query\": [\"" + Harness.problem(r) + "\"]}"));
            case 2 -> FunctionModel.calls(new ToolCall("s2", "select", "{\"select_ids\": [0]}"));
            case 3 -> FunctionModel.calls(new ToolCall("s3", "search", "{\"query\": [\"more\"]}"));
            default -> FunctionModel.reply(Harness.problem(r).contains("born") ? "Kellmouth [[0]]" : "Osk [[0]]");
        };
    }

    @Test
    void thePlannerBuildsTheGraphWithToolCallsAndEachCallIsAnswered() {
        FunctionModel model = FunctionModel.responses(r -> Harness.planner(r) ? planner(r) : searcher(r));

        PlannerResult result = harness.solve(model, backend, Harness.settings().withProtocol(Protocol.TOOLS), "Q");

        assertThat(result.complete()).isTrue();
        assertThat(result.graph().names()).containsExactly("root", "born", "river", "response");
        ChatRequest second = model.requests("planner").get(1);
        assertThat(second.tools()).extracting(ToolDefinition::name).containsExactly("add_node", "add_edge",
                "add_response_node");
        assertThat(second.messages()).filteredOn(Message::isToolResult).extracting(Message::content)
                .containsExactly("ok", "ok", "error: there is no tool 'add_nodes'; the tools are add_node, add_edge"
                        + " and add_response_node");
        assertThat(Harness.lastTool(second)).contains("## Where was Ada Varn born?", "Problems with your last reply");
        assertThat(result.answer().render()).contains("She was born in Kellmouth [[1]] on the Osk [[2]].",
                "[1] Ada Varn - mem://varn", "[2] Osk - mem://osk");
    }

    @Test
    void theSearchersLastTurnOffersNoToolSoItAnswers() {
        FunctionModel model = FunctionModel.responses(r -> Harness.planner(r) ? planner(r) : searcher(r));

        harness.solve(model, backend, Harness.settings().withProtocol(Protocol.TOOLS), "Q");

        assertThat(model.requests("searcher/born")).hasSize(4);
        assertThat(model.requests("searcher/born").get(3).toolChoice()).isEqualTo(ToolChoice.NONE);
        assertThat(model.requests("searcher/born").get(1).messages()).filteredOn(Message::isToolResult)
                .singleElement().satisfies(m -> assertThat(m.content()).contains("\"title\" : \"Ada Varn\""));
        assertThat(harness.events("mindsearch.search")).hasSize(4);
        assertThat(harness.events("mindsearch.select")).hasSize(2);
    }
}
