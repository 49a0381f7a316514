package dev.polis.testkit.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;
import org.junit.jupiter.api.Test;

class ScriptedToolCallsTest {

    private static final ToolCall PARIS = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
    private static final ToolCall ROME = new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}");

    @Test
    void aToolStepAnswersWithItsCallsThenTheScriptGoesOn() {
        ScriptedChatModel model = ScriptedChatModel.builder().callTools(PARIS, ROME).reply("sunny").build();

        ChatResponse calls = model.chat(ChatRequest.of(Message.user("weather?")));
        ChatResponse answer = model.chat(ChatRequest.of(Message.user("weather?")));

        assertThat(calls.toolCalls()).containsExactly(PARIS, ROME);
        assertThat(calls.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(calls.text()).isEmpty();
        assertThat(answer.text()).isEqualTo("sunny");
        assertThat(answer.toolCalls()).isEmpty();
    }

    @Test
    void aStreamedToolStepSendsIdAndNameFirstThenArgumentPiecesThatJoinToTheArguments() {
        ScriptedChatModel model = ScriptedChatModel.builder().callTools(PARIS, ROME).build();
        List<ToolCallFragment> fragments = new ArrayList<>();

        model.stream(ChatRequest.of(Message.user("weather?")), new ChatStreamListener() {
            @Override
            public void onText(String piece) {
            }

            @Override
            public void onToolCallFragment(ToolCallFragment fragment) {
                fragments.add(fragment);
            }
        });

        assertThat(fragments.get(0)).isEqualTo(new ToolCallFragment(0, "call_1", "get_weather", ""));
        assertThat(fragments.stream().filter(f -> f.index() == 0).map(ToolCallFragment::arguments))
                .allMatch(piece -> piece.length() <= ScriptedChatModel.ARGUMENT_PIECE);
        assertThat(String.join("", fragments.stream().filter(f -> f.index() == 1).map(ToolCallFragment::arguments)
                .toList())).isEqualTo(ROME.arguments());
        assertThat(fragments.stream().filter(ToolCallFragment::starts).map(ToolCallFragment::id))
                .containsExactly("call_1", "call_2");
    }
}
