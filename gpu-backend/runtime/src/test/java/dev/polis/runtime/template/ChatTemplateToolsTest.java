package dev.polis.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolDefinition;
import org.junit.jupiter.api.Test;

/**
 * Renders a tool-using conversation (tools, an assistant tool call, its result) through the official chat templates
 * of Llama 3.1, Qwen2.5 and Mistral v0.3 and compares with what Python's Jinja2 3.1.6 renders with Hugging Face's
 * settings ({@code trim_blocks}, {@code lstrip_blocks}, {@code tojson} as {@code json.dumps(ensure_ascii=False)}).
 */
class ChatTemplateToolsTest {

    private static final String CALL_ID = "call12345";
    private static final List<Message> CONVERSATION = List.of(
            Message.system("You are terse."),
            Message.user("Weather in Paris?"),
            Message.assistant("", List.of(new ToolCall(CALL_ID, "get_weather", "{\"city\":\"Paris\",\"unit\":\"c\"}"))),
            Message.toolResult(CALL_ID, "get_weather", "18 C"));
    private static final String TOOLS_JSON = "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", "
            + "\"description\": \"Weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": "
            + "{\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", "
            + "\"enum\": [\"c\", \"f\"]}}, \"required\": [\"city\"]}}}";

    @Test
    void llama31PutsToolsInTheFirstUserMessageAndTheCallAsJsonWithParameters() {
        ChatTemplate template = ChatTemplate.of(fixture("llama3.1-tools.jinja"), "<|begin_of_text|>", "<|eot_id|>");
        assertThat(render(template)).isEqualTo("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                + "Environment: ipython\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n"
                + "You are terse.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nGiven the following functions, "
                + "please respond with a JSON for a function call with its proper arguments that best answers the "
                + "given prompt.\n\nRespond in the format {\"name\": function name, \"parameters\": dictionary of "
                + "argument name and its value}.Do not use variables.\n\n{\n    \"type\": \"function\",\n    "
                + "\"function\": {\n        \"name\": \"get_weather\",\n        \"description\": \"Weather in a "
                + "city\",\n        \"parameters\": {\n            \"type\": \"object\",\n            \"properties\": "
                + "{\n                \"city\": {\n                    \"type\": \"string\",\n                    "
                + "\"description\": \"City name\"\n                },\n                \"unit\": {\n                    "
                + "\"type\": \"string\",\n                    \"enum\": [\n                        \"c\",\n          "
                + "              \"f\"\n                    ]\n                }\n            },\n            "
                + "\"required\": [\n                \"city\"\n            ]\n        }\n    }\n}\n\nWeather in Paris?"
                + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n{\"name\": \"get_weather\", "
                + "\"parameters\": {\"city\": \"Paris\", \"unit\": \"c\"}}<|eot_id|>"
                + "<|start_header_id|>ipython<|end_header_id|>\n\n\"18 C\"<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void llama31WithoutToolsHasNoIpythonEnvironment() {
        ChatTemplate template = ChatTemplate.of(fixture("llama3.1-tools.jinja"), "<|begin_of_text|>", "<|eot_id|>");
        assertThat(template.render(CONVERSATION.subList(0, 2), true)).isEqualTo("<|begin_of_text|>"
                + "<|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\n"
                + "Today Date: 26 Jul 2024\n\nYou are terse.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n"
                + "Weather in Paris?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void qwen25ListsToolsAndWrapsTheCallAndItsResponseInTags() {
        ChatTemplate template = ChatTemplate.of(fixture("qwen2.5.jinja"), "", "<|im_end|>");
        assertThat(render(template)).isEqualTo("<|im_start|>system\nYou are terse.\n\n# Tools\n\nYou may call one or "
                + "more functions to assist with the user query.\n\nYou are provided with function signatures within "
                + "<tools></tools> XML tags:\n<tools>\n" + TOOLS_JSON + "\n</tools>\n\nFor each function call, return a "
                + "json object with function name and arguments within <tool_call></tool_call> XML tags:\n"
                + "<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n"
                + "<|im_start|>user\nWeather in Paris?<|im_end|>\n<|im_start|>assistant\n<tool_call>\n"
                + "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"c\"}}\n</tool_call>"
                + "<|im_end|>\n<|im_start|>user\n<tool_response>\n18 C\n</tool_response><|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void mistralV03WritesAvailableToolsToolCallsAndToolResults() {
        ChatTemplate template = ChatTemplate.of(fixture("mistral-v0.3.jinja"), "<s>", "</s>");
        assertThat(render(template)).isEqualTo("<s>[AVAILABLE_TOOLS] [" + TOOLS_JSON + "][/AVAILABLE_TOOLS]"
                + "[INST] Weather in Paris?[/INST][TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": "
                + "{\"city\": \"Paris\", \"unit\": \"c\"}, \"id\": \"call12345\"}]</s>[TOOL_RESULTS] "
                + "{\"content\": 18 C, \"call_id\": \"call12345\"}[/TOOL_RESULTS]");
        assertThat(template.render(CONVERSATION.subList(0, 2), true)).isEqualTo("<s>[INST] You are terse.\n\n"
                + "Weather in Paris?[/INST]");
    }

    private static String render(ChatTemplate template) {
        return template.render(CONVERSATION, true, Map.of("tools", ToolVariables.tools(List.of(weatherTool()))));
    }

    static ToolDefinition weatherTool() {
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("type", "string");
        city.put("description", "City name");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("city", city);
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("type", "string");
        unit.put("enum", List.of("c", "f"));
        properties.put("unit", unit);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("type", "object");
        parameters.put("properties", properties);
        parameters.put("required", List.of("city"));
        return new ToolDefinition("get_weather", "Weather in a city", parameters);
    }

    private static String fixture(String name) {
        try (InputStream in = ChatTemplateToolsTest.class.getResourceAsStream("/templates/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
