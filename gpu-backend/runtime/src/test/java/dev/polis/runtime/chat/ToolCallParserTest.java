package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import dev.polis.api.chat.ToolCall;
import org.junit.jupiter.api.Test;

/** Tool calls are read back from answers in each template family's own form; anything else stays text. */
class ToolCallParserTest {

    private static final Set<String> TOOLS = Set.of("get_weather", "get_time");

    @Test
    void llamaWritesOneJsonObjectWithParameters() {
        assertThat(parse(" {\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}\n").calls())
                .containsExactly(new ToolCall("id0", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(parse("<|python_tag|>{\"name\": \"get_time\", \"parameters\": {}}").calls())
                .containsExactly(new ToolCall("id0", "get_time", "{}"));
    }

    @Test
    void qwenWritesToolCallBlocksMaybeAfterText() {
        ToolCallParser.Parsed parsed = parse("Let me look.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": "
                + "{\"city\": \"Paris\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": "
                + "{\"city\": \"Rome\"}}\n</tool_call>");
        assertThat(parsed.content()).isEqualTo("Let me look.");
        assertThat(parsed.calls()).containsExactly(new ToolCall("id0", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("id1", "get_weather", "{\"city\":\"Rome\"}"));
    }

    @Test
    void qwenCallCutBeforeItsClosingTagStillCountsWhenItsJsonIsWhole() {
        assertThat(parse("<tool_call>\n{\"name\": \"get_time\", \"arguments\": {}}").calls()).hasSize(1);
    }

    @Test
    void mistralWritesAListAfterItsMarkerOrBareWhenTheMarkerWasDecodedAway() {
        String list = "[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"a1b2c3d4e\"}, "
                + "{\"name\": \"get_time\", \"arguments\": {}}]";
        List<ToolCall> expected = List.of(new ToolCall("a1b2c3d4e", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("id1", "get_time", "{}"));
        assertThat(parse("[TOOL_CALLS] " + list).calls()).isEqualTo(expected);
        assertThat(parse(list).calls()).isEqualTo(expected);
    }

    @Test
    void unparseableOrUnknownCallsStayText() {
        for (String text : List.of("It is sunny.", "{\"name\": \"get_weather\", \"parameters\": {\"city\": ",
                "{\"name\": \"launch_rockets\", \"parameters\": {}}", "{\"answer\": 4}",
                "{\"name\": \"get_time\", \"parameters\": \"now\"}", "[1, 2]", "<tool_call>\nnot json\n</tool_call>",
                "{\"name\": \"get_time\", \"parameters\": {}} and more", "[TOOL_CALLS] []")) {
            ToolCallParser.Parsed parsed = parse(text);
            assertThat(parsed.calls()).as(text).isEmpty();
            assertThat(parsed.content()).as(text).isEqualTo(text);
        }
    }

    private static ToolCallParser.Parsed parse(String text) {
        return ToolCallParser.parse(text, TOOLS, i -> "id" + i);
    }
}
