package dev.polis.mindsearch.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Splitting planner replies into thought and code, as the original's parser does and more tolerantly. */
class PlannerReplyTest {

    @Test
    void theOriginalsMarkerGivesTheThoughtAndTheFencedCode() {
        PlannerReply reply = PlannerReply.parse("Split it.<|action_start|><|interpreter|>\n```python\n"
                + "graph.add_node('a', 'x')\n```<|action_end|>\ntrailing words");

        assertThat(reply.thought()).isEqualTo("Split it.");
        assertThat(reply.code()).contains("graph.add_node('a', 'x')\n");
    }

    @Test
    void theMarkerWithoutItsNewlineOrFenceStillGivesCode() {
        PlannerReply reply = PlannerReply.parse("<|action_start|><|interpreter|>graph.add_response_node()<|action_end|>");

        assertThat(reply.code()).contains("graph.add_response_node()");
    }

    @Test
    void aFencedBlockThatUsesTheGraphIsCodeEvenWithoutTheMarker() {
        PlannerReply reply = PlannerReply.parse("Here:\n```python\ngraph.add_node('a', 'x')\n```");

        assertThat(reply.thought()).isEqualTo("Here:");
        assertThat(reply.code()).contains("graph.add_node('a', 'x')\n");
    }

    @Test
    void aReplyWithoutCodeIsAnAnswerEvenWithAnUnrelatedCodeBlock() {
        PlannerReply reply = PlannerReply.parse("The answer is 42.\n```\nprint(42)\n```");

        assertThat(reply.code()).isEmpty();
        assertThat(reply.thought()).startsWith("The answer is 42.");
    }
}
