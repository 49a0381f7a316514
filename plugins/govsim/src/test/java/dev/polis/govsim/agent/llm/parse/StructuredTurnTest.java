package dev.polis.govsim.agent.llm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredTurnTest {

    private static final List<String> NAMES = List.of("John", "Kate", "Jack");

    @Test
    void theSchemaOrdersMessageConclusionAndNextSpeakerAndOffersEveryParticipantTheSpeakerIncluded() {
        Map<String, Object> schema = StructuredTurn.format(NAMES, 1000).schema();
        List<String> keys = ((Map<?, ?>) schema.get("properties")).keySet().stream().map(String::valueOf).toList();
        assertThat(keys).containsExactly("message", "conversationOver", "nextSpeaker");
        assertThat(schema.toString()).contains("enum=[yes, no]", "enum=[John, Kate, Jack]", "required=[message, "
                + "conversationOver, nextSpeaker]", "additionalProperties=false");
    }

    @Test
    void theMessageLeavesRoomForTheRestOfTheObjectWithinTheTokenLimit() {
        int chars = StructuredTurn.messageChars(NAMES, 1000);
        String longest = "{\"message\": \"" + "x".repeat(chars) + "\", \"conversationOver\": \"yes\", "
                + "\"nextSpeaker\": \"John\"}";
        assertThat(longest.length()).isLessThanOrEqualTo(1000);
        assertThat(chars).isGreaterThan(900);
        assertThat(StructuredTurn.messageChars(NAMES, 10)).isEqualTo(StructuredTurn.MIN_MESSAGE_CHARS);
    }

    @Test
    void aWellFormedAnswerGivesItsMessageConclusionAndSpeaker() {
        ParsedTurn turn = StructuredTurn.parse(
                "{\"message\": \"\\\"Let us take 10 each.\\\"\", \"conversationOver\": \"no\", \"nextSpeaker\": \"Kate\"}",
                NAMES, true);
        assertThat(turn.text()).isEqualTo("Let us take 10 each.");
        assertThat(turn.concludes()).isFalse();
        assertThat(turn.conclusionRead()).isTrue();
        assertThat(turn.nextSpeaker()).contains("Kate");
    }

    @Test
    void aCutAnswerTakesTheDefaultConclusionAndNoSpeakerAndIsMarkedUnread() {
        ParsedTurn turn = StructuredTurn.parse("{\"message\": \"Let us take", NAMES, true);
        assertThat(turn.text()).isEmpty();
        assertThat(turn.concludes()).isTrue();
        assertThat(turn.conclusionRead()).isFalse();
        assertThat(turn.nextSpeaker()).isEmpty();
        assertThat(StructuredTurn.parse("not json", NAMES, false).concludes()).isFalse();
    }

    @Test
    void aConclusionOutsideYesOrNoAndAStrangerAsSpeakerAreNotRead() {
        ParsedTurn turn = StructuredTurn.parse(
                "{\"message\": \"Fine.\", \"conversationOver\": \"maybe\", \"nextSpeaker\": \"Mallory\"}", NAMES, false);
        assertThat(turn.text()).isEqualTo("Fine.");
        assertThat(turn.conclusionRead()).isFalse();
        assertThat(turn.concludes()).isFalse();
        assertThat(turn.nextSpeaker()).isEmpty();
    }
}
