package dev.polis.mindsearch.searcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a searcher's tool call from text: the original's marker, fenced or bare JSON, and what is not a call. */
class ToolRequestTest {

    @Test
    void theOriginalsPluginMarkerGivesTheCallWithItsPrefixDropped() {
        ToolRequest call = ToolRequest.parse("Searching.<|action_start|><|plugin|>{\"name\": \"WebBrowser.search\","
                + " \"parameters\": {\"query\": [\"a\", \"b\"]}}<|action_end|>").orElseThrow().request();

        assertThat(call.name()).isEqualTo("search");
        assertThat(call.queries()).containsExactly("a", "b");
    }

    @Test
    void fencedOrBareJsonIsACallToo() {
        ToolRequest fenced = ToolRequest.parse("<|action_start|><|plugin|>\n```json\n{\"name\": \"select\", "
                + "\"parameters\": {\"select_ids\": [2, 0]}}\n```\n<|action_end|>").orElseThrow().request();
        ToolRequest bare = ToolRequest.parse("{\"name\": \"search\", \"arguments\": {\"queries\": \"one\"}}")
                .orElseThrow().request();

        assertThat(fenced.ids()).containsExactly(2, 0);
        assertThat(bare.queries()).containsExactly("one");
    }

    @Test
    void brokenJsonAfterTheMarkerIsAnErrorTheSearcherReads() {
        ToolRequest.Parsed parsed = ToolRequest.parse("<|plugin|>{\"name\": \"search\", \"parameters\": {").orElseThrow();

        assertThat(parsed.request()).isNull();
        assertThat(parsed.error()).contains("not valid JSON", "{\"name\": \"search\"");
    }

    @Test
    void anAnswerWithCitationsIsNoCall() {
        assertThat(ToolRequest.parse("Kellmouth lies on the Osk [[0]].")).isEmpty();
    }
}
