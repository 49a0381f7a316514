package dev.polis.govsim.agent.llm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import dev.polis.govsim.protocol.Utterance;
import org.junit.jupiter.api.Test;

class TurnParserTest {

    private static final List<String> NAMES = List.of("John", "Kate", "Jack", "Emma", "Luke");
    private final TurnParser parser = new TurnParser(true);

    @Test
    void readsMessageConclusionAndNextSpeaker() {
        ParsedTurn turn = parser.parse("""
                Message: "Let us all keep to 10 tons, shall we?"
                Conversation over: no
                Next speaker: Kate
                """, NAMES);

        assertThat(turn.text()).isEqualTo("Let us all keep to 10 tons, shall we?");
        assertThat(turn.concludes()).isFalse();
        assertThat(turn.conclusionRead()).isTrue();
        assertThat(turn.nextSpeaker()).contains("Kate");
    }

    @Test
    void acceptsTheOriginalLabelsInAnyCase() {
        ParsedTurn turn = parser.parse("RESPONSE: Fine by me. conversation conclusion by me: [Yes] next speaker: -",
                NAMES);

        assertThat(turn.text()).isEqualTo("Fine by me.");
        assertThat(turn.concludes()).isTrue();
        assertThat(turn.conclusionRead()).isTrue();
    }

    @Test
    void anUnreadableConclusionEndsTheChatByDefault() {
        ParsedTurn turn = parser.parse("Message: Hm.\nConversation over: maybe\nNext speaker: Emma", NAMES);

        assertThat(turn.concludes()).isTrue();
        assertThat(turn.conclusionRead()).isFalse();
        assertThat(turn.toUtterance().nextSpeaker()).isEmpty();
    }

    @Test
    void theDefaultForAnUnreadableConclusionIsASetting() {
        ParsedTurn turn = new TurnParser(false).parse("I think we should each fish 8 tons.", NAMES);

        assertThat(turn.concludes()).isFalse();
        assertThat(turn.conclusionRead()).isFalse();
        assertThat(turn.text()).isEqualTo("I think we should each fish 8 tons.");
        assertThat(turn.nextSpeaker()).isEmpty();
    }

    @Test
    void theNextSpeakerIsTheFirstNameAfterTheLabelWholeWordsOnly() {
        ParsedTurn turn = parser.parse("Message: ok\nConversation over: no\nNext speaker: I'd say Jackson, no, Emma then Jack",
                NAMES);

        assertThat(turn.nextSpeaker()).contains("Emma");
    }

    @Test
    void anUnknownNextSpeakerIsLeftEmptyAndTheSpeakerMayNameItself() {
        assertThat(parser.parse("Message: ok\nConversation over: no\nNext speaker: Mayor", NAMES).nextSpeaker())
                .isEmpty();
        assertThat(parser.parse("Message: ok\nConversation over: no\nNext speaker: john", NAMES).nextSpeaker())
                .contains("John");
    }

    @Test
    void namesInTheMessageDoNotCountAsNextSpeaker() {
        ParsedTurn turn = parser.parse("Message: Kate is right.\nConversation over: no\nNext speaker: Luke", NAMES);

        assertThat(turn.nextSpeaker()).contains("Luke");
    }

    @Test
    void aConcludingTurnHandsTheWordToNobody() {
        Utterance utterance = parser.parse("Message: Bye!\nConversation over: yes\nNext speaker: Kate", NAMES)
                .toUtterance();

        assertThat(utterance.concludes()).isTrue();
        assertThat(utterance.nextSpeaker()).isEqualTo(Optional.empty());
        assertThat(utterance.rawText()).contains("Next speaker: Kate");
    }
}
