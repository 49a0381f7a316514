package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Role;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.runtime.template.ChatTemplate;
import org.junit.jupiter.api.Test;

/**
 * The original layout, checked on the recorded calls of played months: one user message per call, the reply prefix
 * as a trailing assistant message, and a conversation that the Mistral instruct template (strict user/assistant
 * alternation, no system role; rendered by the local runtime's template engine) accepts.
 */
class OriginalLayoutTest {

    private static ChatTemplate mistral() throws IOException {
        try (InputStream in = OriginalLayoutTest.class.getResourceAsStream("/templates/mistral.jinja")) {
            return ChatTemplate.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), "<s>", "</s>");
        }
    }

    private static PhaseScriptedSociety society(Map<String, ?> settings, java.util.function.Function<ChatRequest,
            String> answers) {
        GovSimConfig config = GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 7).withHorizon(2);
        return new PhaseScriptedSociety(config, settings, answers);
    }

    @Test
    void everyCallIsOneUserMessageWithItsPrefixAndAStrictTemplateRendersIt() throws IOException {
        PhaseScriptedSociety society = society(Map.of("layout", "original", "prefill", "assistant"),
                PhaseScriptedSociety::plainAnswer);
        society.play();
        ChatTemplate mistral = mistral();

        List<ChatRequest> calls = society.calls();
        assertThat(calls).extracting(c -> c.metadata().get("phase")).contains("harvest", "importance", "utterance",
                "chat_thought", "insights", "summary", "agreed_limit");
        for (ChatRequest call : calls) {
            List<Message> messages = call.messages();
            String phase = call.metadata().get("phase");
            assertThat(messages).as(phase).filteredOn(m -> m.role() == Role.USER).hasSize(1);
            assertThat(messages.getFirst().role()).as(phase).isEqualTo(Role.USER);
            assertThat(messages.getFirst().content()).as(phase).startsWith(phase.equals("summary")
                    || phase.equals("agreed_limit") ? "You keep the minutes" : "You are ");
            assertThat(messages).as(phase).hasSizeLessThanOrEqualTo(2);
            assertThatCode(() -> mistral.render(messages, true)).as(phase).doesNotThrowAnyException();
        }
        Map<String, String> prefixes = Map.of("utterance", "Message:", "importance", "Rating:", "insights", "1.");
        prefixes.forEach((phase, prefix) -> assertThat(calls).filteredOn(c -> phase.equals(c.metadata().get("phase")))
                .isNotEmpty().allSatisfy(c -> assertThat(c.messages().getLast()).extracting(Message::role,
                        Message::content).containsExactly(Role.ASSISTANT, prefix)));
        assertThat(calls).filteredOn(c -> "harvest".equals(c.metadata().get("phase")))
                .allSatisfy(c -> assertThat(c.messages()).hasSize(1));
    }

    @Test
    void polisOwnLayoutIsWhatTheStrictTemplateRejects() throws IOException {
        PhaseScriptedSociety society = society(Map.of(), PhaseScriptedSociety::plainAnswer);
        society.play();
        ChatTemplate mistral = mistral();

        ChatRequest turn = society.calls().stream().filter(c -> "utterance".equals(c.metadata().get("phase")))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> mistral.render(turn.messages(), true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("alternate");
    }

    @Test
    void aContinuationIsReadWithItsPrefixInFront() {
        PhaseScriptedSociety society = society(Map.of("layout", "original", "prefill", "assistant"), request ->
                switch (request.metadata().get("phase")) {
                    case "utterance" -> " Let us take 10 each.\nConversation over: yes\nNext speaker: John";
                    case "insights" -> " Ten each keeps the lake full (because of 1)\n2. Talk helps (because of 2)";
                    case "importance" -> " 9";
                    default -> PhaseScriptedSociety.plainAnswer(request);
                });

        GameState end = society.play();

        assertThat(end.months().getFirst().conversation()).extracting(ConversationEntry::text)
                .contains("Let us take 10 each.");
        assertThat(end.months().getFirst().agents().getFirst().insights())
                .containsExactly("Ten each keeps the lake full", "Talk helps");
        assertThat(society.events("govsim.llm.importance")).isEmpty();
    }

    @Test
    void anInlinePrefixEndsTheOnlyUserMessage() {
        PhaseScriptedSociety society = society(Map.of("layout", "original", "prefill", "inline"),
                PhaseScriptedSociety::plainAnswer);
        society.play();

        assertThat(society.calls()).allSatisfy(c -> assertThat(c.messages()).hasSize(1)
                .allSatisfy(m -> assertThat(m.role()).isEqualTo(Role.USER)));
        assertThat(society.calls()).filteredOn(c -> "utterance".equals(c.metadata().get("phase")))
                .allSatisfy(c -> assertThat(c.messages().getFirst().content()).endsWith("\n\nMessage:"));
    }
}
