package dev.polis.openai.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.api.chat.Usage;
import org.junit.jupiter.api.Test;

class ToolWireFormatTest {

    static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather in a city", Map.of(
            "type", "object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city")),
            true);
    static final ToolCall PARIS = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
    static final ToolCall ROME = new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}");

    private static JsonNode json(String text) throws Exception {
        return WireJson.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static ChatRequest conversation(ToolChoice choice, ResponseFormat format) {
        return new ChatRequest(List.of(Message.user("Paris and Rome?"), Message.assistant("", List.of(PARIS, ROME)),
                Message.toolResult("call_1", "get_weather", "18 C"), Message.toolResult("call_2", "get_weather", "21 C")),
                GenerationSettings.DEFAULTS, null, List.of(WEATHER), choice, format);
    }

    @Test
    void aRequestWithToolsParallelCallsAndTheirResultsIsWrittenInOpenAisShape() throws Exception {
        JsonNode body = WireRequests.toJson(conversation(ToolChoice.named("get_weather"),
                ResponseFormat.jsonSchema("forecast", Map.of("type", "object"), true)), "m", false, false, "system");

        assertThat(body).isEqualTo(json("{'model':'m','messages':["
                + "{'role':'user','content':'Paris and Rome?'},"
                + "{'role':'assistant','content':null,'tool_calls':["
                + "{'id':'call_1','type':'function','function':{'name':'get_weather','arguments':'{\\'city\\':\\'Paris\\'}'}},"
                + "{'id':'call_2','type':'function','function':{'name':'get_weather','arguments':'{\\'city\\':\\'Rome\\'}'}}]},"
                + "{'role':'tool','tool_call_id':'call_1','content':'18 C'},"
                + "{'role':'tool','tool_call_id':'call_2','content':'21 C'}],"
                + "'tools':[{'type':'function','function':{'name':'get_weather','description':'Weather in a city',"
                + "'parameters':{'type':'object','properties':{'city':{'type':'string'}},'required':['city']},"
                + "'strict':true}}],"
                + "'tool_choice':{'type':'function','function':{'name':'get_weather'}},"
                + "'response_format':{'type':'json_schema','json_schema':{'name':'forecast',"
                + "'schema':{'type':'object'},'strict':true}},'stream':false}"));
    }

    @Test
    void everyToolChoiceAndResponseFormatReadsBackAsTheRequestThatWroteIt() {
        for (ToolChoice choice : new ToolChoice[] {null, ToolChoice.AUTO, ToolChoice.NONE, ToolChoice.REQUIRED,
                ToolChoice.named("get_weather")}) {
            for (ResponseFormat format : new ResponseFormat[] {null, ResponseFormat.TEXT, ResponseFormat.JSON_OBJECT,
                    new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "f", "a forecast", Map.of("type", "object",
                            "properties", Map.of("t", Map.of("type", "number", "minimum", -40))), false)}) {
                ChatRequest request = conversation(choice, format);
                assertThat(WireRequests.fromJson(WireRequests.toJson(request, "m", false, false, "system")).request())
                        .isEqualTo(request);
            }
        }
        assertThat(WireRequests.toJson(conversation(ToolChoice.REQUIRED, ResponseFormat.JSON_OBJECT), "m", true, false,
                "system").path("response_format")).isEqualTo(WireJson.object().put("type", "json_object"));
    }

    @Test
    void aCompletionWithParallelToolCallsHasNullContentAndFinishesWithToolCalls() throws Exception {
        ChatResponse response = new ChatResponse("", FinishReason.STOP, new Usage(5, 7), "m", List.of(PARIS, ROME));
        JsonNode body = WireResponses.completion(response, "id1", 7, "m");

        assertThat(body.path("choices").path(0)).isEqualTo(json("{'index':0,'message':{'role':'assistant',"
                + "'content':null,'tool_calls':["
                + "{'id':'call_1','type':'function','function':{'name':'get_weather','arguments':'{\\'city\\':\\'Paris\\'}'}},"
                + "{'id':'call_2','type':'function','function':{'name':'get_weather','arguments':'{\\'city\\':\\'Rome\\'}'}}]},"
                + "'finish_reason':'tool_calls'}"));
        assertThat(WireResponses.parseCompletion(body, "x")).isEqualTo(new ChatResponse("", FinishReason.TOOL_CALLS,
                new Usage(5, 7), "m", List.of(PARIS, ROME)));
    }

    @Test
    void streamedToolCallPiecesCarryIdTypeAndNameOnlyOnTheFirstPieceOfEachCall() throws Exception {
        JsonNode first = WireResponses.toolCallChunk("id1", 7, "m",
                new ToolCallFragment(1, "call_2", "get_weather", ""), true);
        JsonNode next = WireResponses.toolCallChunk("id1", 7, "m", new ToolCallFragment(1, null, null, "{\"ci"), false);

        assertThat(first.path("choices").path(0)).isEqualTo(json("{'index':0,'delta':{'role':'assistant',"
                + "'tool_calls':[{'index':1,'id':'call_2','type':'function',"
                + "'function':{'name':'get_weather','arguments':''}}]},'finish_reason':null}"));
        assertThat(next.path("choices").path(0).path("delta")).isEqualTo(json(
                "{'tool_calls':[{'index':1,'function':{'arguments':'{\\'ci'}}]}"));
        assertThat(WireToolCalls.fragmentFromJson(next.path("choices").path(0).path("delta").path("tool_calls").path(0),
                0)).isEqualTo(new ToolCallFragment(1, null, null, "{\"ci"));
    }

    @Test
    void unsupportedOrInconsistentToolFieldsAreRefusedNamingTheWireField() {
        String call = "{'role':'assistant','content':null,'tool_calls':[{'id':'call_1','type':'function',"
                + "'function':{'name':'get_weather','arguments':'{}'}}]}";
        String tool = "{'type':'function','function':{'name':'get_weather'}}";
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}," + call
                + ",{'role':'tool','tool_call_id':'call_9','content':'x'}]}", "messages[2].tool_call_id", "'call_9'");
        assertRefused("{'model':'m','messages':[{'role':'tool','content':'x'}]}", "messages[0].tool_call_id",
                "needs the id");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'tools':[" + tool
                + "],'tool_choice':{'type':'function','function':{'name':'search'}}}", "tool_choice", "'search'");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'tool_choice':'required'}",
                "tool_choice", "needs tools");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'tool_choice':'sometimes'}",
                "tool_choice", "'sometimes'");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'tools':[{'type':'retrieval'}]}",
                "tools[0].type", "'retrieval'");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'tools':[" + tool + "," + tool + "]}",
                "tools[1].function.name", "defined twice");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'tools':[" + tool
                + "],'parallel_tool_calls':false}", "parallel_tool_calls", "not supported");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'response_format':{'type':'yaml'}}",
                "response_format.type", "'yaml'");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'response_format':"
                + "{'type':'json_schema','json_schema':{'schema':{'type':'object'}}}}",
                "response_format.json_schema.name", "needs a name");
        assertRefused("{'model':'m','messages':[{'role':'user','content':'hi'}],'response_format':"
                + "{'type':'json_schema','json_schema':{'name':'x'}}}", "response_format.json_schema.schema", "schema");
    }

    private static void assertRefused(String body, String param, String says) {
        assertThatThrownBy(() -> WireRequests.fromJson(json(body)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining(param).hasMessageContaining(says)
                .extracting(e -> ((WireFormatException) e).param()).isEqualTo(param);
    }
}
