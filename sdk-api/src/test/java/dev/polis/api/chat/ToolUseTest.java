package dev.polis.api.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class ToolUseTest {

    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather in a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
                    "required", List.of("city")));
    private static final ToolCall CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");

    @Test
    void aToolResultAnswersACallOfAnEarlierAssistantMessageAtToolPrivilege() {
        ChatRequest request = new ChatRequest(List.of(Message.user("weather in Paris?"),
                Message.assistant("", List.of(CALL)), Message.toolResult("call_1", "get_weather", "18 C")),
                null, null, List.of(WEATHER), ToolChoice.AUTO, null);

        Message result = request.messages().get(2);
        assertThat(result.privilege()).isEqualTo(Privilege.TOOL);
        assertThat(result.isToolResult()).isTrue();
        assertThat(result.source()).isEqualTo("get_weather");
        assertThat(request.messages().get(1).callsTools()).isTrue();
    }

    @Test
    void aToolResultForAnUnknownCallIdIsAnErrorNamingTheField() {
        assertThatThrownBy(() -> new ChatRequest(List.of(Message.user("hi"), Message.assistant("", List.of(CALL)),
                Message.toolResult("call_9", "get_weather", "18 C")), null, null, List.of(WEATHER), null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("messages[2].toolCallId")
                .hasMessageContaining("'call_9'")
                .hasMessageContaining("call_1");
    }

    @Test
    void aToolResultBeforeTheCallItAnswersIsAnError() {
        assertThatThrownBy(() -> ChatRequest.of(Message.toolResult("call_1", "get_weather", "18 C"),
                Message.assistant("", List.of(CALL))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("messages[0].toolCallId").hasMessageContaining("there is none");
    }

    @Test
    void aNamedToolChoiceMustNameAGivenToolAndRequiredNeedsTools() {
        List<Message> hi = List.of(Message.user("hi"));
        assertThatThrownBy(() -> new ChatRequest(hi, null, null, List.of(WEATHER), ToolChoice.named("search"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("toolChoice")
                .hasMessageContaining("'search'").hasMessageContaining("get_weather");
        assertThatThrownBy(() -> new ChatRequest(hi, null, null, List.of(), ToolChoice.REQUIRED, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("toolChoice: 'required' needs tools");
        assertThat(new ChatRequest(hi, null, null, List.of(), ToolChoice.NONE, null).toolChoice())
                .isEqualTo(ToolChoice.NONE);
    }

    @Test
    void toolNamesAreUniqueAndFollowTheWireRules() {
        assertThatThrownBy(() -> new ChatRequest(List.of(Message.user("hi")), null, null,
                List.of(WEATHER, WEATHER), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tools[1].name");
        assertThatThrownBy(() -> new ToolDefinition("get weather", "", Map.of()))
                .hasMessageContaining("'get weather'");
        assertThatThrownBy(() -> new ToolDefinition("f", "", Map.of("type", "array")))
                .hasMessageContaining("type must be 'object'");
    }

    @Test
    void onlyAssistantsCallToolsAndOnlyToolMessagesAnswerThem() {
        assertThatThrownBy(() -> new Message(Role.USER, "x", Privilege.USER, "", List.of(CALL), ""))
                .hasMessageContaining("toolCalls: only assistant messages");
        assertThatThrownBy(() -> new Message(Role.TOOL, "x", Privilege.USER, "", List.of(), "call_1"))
                .hasMessageContaining("toolCallId").hasMessageContaining("TOOL privilege");
    }

    @Test
    void theOldConstructorsStillGiveRequestsWithoutTools() {
        ChatRequest request = new ChatRequest(List.of(new Message(Role.USER, "hi", Privilege.USER, "u")),
                GenerationSettings.DEFAULTS, Map.of("agent", "a1"));
        ChatResponse response = new ChatResponse("ok", FinishReason.STOP, Usage.NONE, "m");

        assertThat(request.tools()).isEmpty();
        assertThat(request.toolChoice()).isNull();
        assertThat(request.responseFormat()).isNull();
        assertThat(request.messages().get(0).toolCalls()).isEmpty();
        assertThat(request.messages().get(0).toolCallId()).isEmpty();
        assertThat(response.toolCalls()).isEmpty();
        assertThat(request.withSettings(GenerationSettings.DEFAULTS.withSeed(1)).metadata()).containsEntry("agent", "a1");
    }

    @Test
    void aResponseWithToolCallsBecomesAnAssistantMessageCarryingThem() {
        ChatResponse response = new ChatResponse("", FinishReason.TOOL_CALLS, Usage.NONE, "m",
                List.of(CALL, new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}")));

        Message message = response.asMessage();
        assertThat(message.role()).isEqualTo(Role.ASSISTANT);
        assertThat(message.toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
    }

    @Test
    void schemasAreCopiedDeeplyAndNormalisedSoThatIntegerAndLongTreesAreEqual() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("n", new LinkedHashMap<>(Map.of("type", "integer", "minimum", 0)));
        Map<String, Object> schema = new LinkedHashMap<>(Map.of("type", "object", "properties", props));
        ResponseFormat format = ResponseFormat.jsonSchema("count", schema, true);
        props.put("m", Map.of("type", "string"));

        assertThat(format.schema().get("properties")).isEqualTo(Map.of("n", Map.of("type", "integer", "minimum", 0L)));
        assertThat(format).isEqualTo(ResponseFormat.jsonSchema("count", Map.of("type", "object",
                "properties", Map.of("n", Map.of("type", "integer", "minimum", 0L))), true));
        assertThatThrownBy(() -> ((Map<String, Object>) format.schema()).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void schemasMayHoldJsonNullButNotOtherJavaObjects() {
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add("a");
        assertThat(new ToolDefinition("f", "", Map.of("type", "object", "enum", withNull)).parameters().get("enum"))
                .isEqualTo(withNull);
        assertThatThrownBy(() -> new ToolDefinition("f", "", Map.of("x", new Object())))
                .hasMessageContaining("parameters of tool f.x").hasMessageContaining("not a JSON value");
    }

    @Test
    void aJsonSchemaFormatNeedsANameAndASchemaAndOtherFormatsCarryNeither() {
        assertThatThrownBy(() -> ResponseFormat.jsonSchema("", Map.of("type", "object"), false))
                .hasMessageContaining("responseFormat.name");
        assertThatThrownBy(() -> ResponseFormat.jsonSchema("x", Map.of(), false))
                .hasMessageContaining("responseFormat.schema");
        assertThatThrownBy(() -> new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, "", "", Map.of("a", 1), false))
                .hasMessageContaining("only a json_schema format");
    }

    @Test
    void theDefaultStreamHandsEachToolCallToTheListenerAsOneFragment() {
        ChatResponse answer = new ChatResponse("", FinishReason.TOOL_CALLS, Usage.NONE, "m",
                List.of(CALL, new ToolCall("call_2", "get_weather", "{}")));
        ChatModel model = request -> answer;
        List<ToolCallFragment> fragments = new ArrayList<>();

        model.stream(ChatRequest.of(Message.user("hi")), new ChatStreamListener() {
            @Override
            public void onText(String piece) {
            }

            @Override
            public void onToolCallFragment(ToolCallFragment fragment) {
                fragments.add(fragment);
            }
        });

        assertThat(fragments).containsExactly(new ToolCallFragment(0, "call_1", "get_weather", CALL.arguments()),
                new ToolCallFragment(1, "call_2", "get_weather", "{}"));
    }
}
