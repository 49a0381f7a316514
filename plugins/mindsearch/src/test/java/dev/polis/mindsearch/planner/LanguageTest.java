package dev.polis.mindsearch.planner;

import static dev.polis.mindsearch.fixture.MultiHopScript.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.mindsearch.config.Language;
import dev.polis.mindsearch.fixture.FunctionModel;
import dev.polis.mindsearch.fixture.Harness;
import dev.polis.mindsearch.fixture.MemoryBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --lang cn}: Chinese prompts and the original's Chinese problem headings for the searchers. */
class LanguageTest {

    private static String planner(ChatRequest r) {
        if (Harness.finalAnswer(r)) {
            return "完成";
        }
        return switch (Harness.turn(r)) {
            case 1 -> code("", "graph.add_node('a', '问题甲')");
            case 2 -> code("", "graph.add_node('b', '问题乙')", "graph.add_edge('a', 'b')");
            default -> code("", "graph.add_response_node()");
        };
    }

    @Test
    void chinesePromptsAndHeadingsReachThePlannerAndTheSearchers() {
        FunctionModel model = FunctionModel.text(r -> Harness.planner(r) ? planner(r) : "答案");

        PlannerResult result = new Harness().solve(model, new MemoryBackend(),
                Harness.settings().withLanguage(Language.CN), "根问题");

        assertThat(result.complete()).isTrue();
        ChatRequest first = model.requests("planner").getFirst();
        assertThat(first.messages().getFirst().content()).startsWith("当前日期是 2026-01-01。").contains("graph.add_node");
        assertThat(model.requests("planner").getLast().messages().getLast().content()).startsWith("现在根据上面的子问题");
        List<String> child = model.requests("searcher/b").getFirst().messages().stream().map(Message::content).toList();
        assertThat(child.get(0)).startsWith("当前日期是").contains("<|plugin|>");
        assertThat(child.get(1)).isEqualTo("## 历史问题\n问题甲\n回答： 答案");
        assertThat(child.get(2)).isEqualTo("## 主问题\n根问题\n## 当前问题\n问题乙");
    }
}
