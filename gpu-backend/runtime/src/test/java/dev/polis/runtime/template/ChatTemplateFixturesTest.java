package dev.polis.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import org.junit.jupiter.api.Test;

/** Renders the chat templates of real models (written into fixtures) and compares with what Hugging Face renders. */
class ChatTemplateFixturesTest {

    private static final List<Message> CONVERSATION = List.of(
            Message.system("You are a helpful assistant."),
            Message.user("What is 2+2? "),
            Message.assistant("4."),
            Message.user("And 3+3?"));

    private static final List<Message> WITHOUT_SYSTEM = CONVERSATION.subList(1, CONVERSATION.size());

    @Test
    void llama3() {
        ChatTemplate template = ChatTemplate.of(fixture("llama3.jinja"), "<|begin_of_text|>", "<|eot_id|>");
        assertThat(template.render(CONVERSATION, true)).isEqualTo("<|begin_of_text|>"
                + "<|start_header_id|>system<|end_header_id|>\n\nYou are a helpful assistant.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n4.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nAnd 3+3?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void llama3WithoutGenerationPrompt() {
        ChatTemplate template = ChatTemplate.of(fixture("llama3.jinja"), "<|begin_of_text|>", "<|eot_id|>");
        assertThat(template.render(List.of(Message.user("Hi")), false))
                .isEqualTo("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>");
    }

    @Test
    void qwen25() {
        ChatTemplate template = ChatTemplate.of(fixture("qwen2.5.jinja"), "", "<|im_end|>");
        assertThat(template.render(CONVERSATION, true)).isEqualTo(
                "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nWhat is 2+2? <|im_end|>\n"
                + "<|im_start|>assistant\n4.<|im_end|>\n"
                + "<|im_start|>user\nAnd 3+3?<|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void qwen25AddsItsDefaultSystemPrompt() {
        ChatTemplate template = ChatTemplate.of(fixture("qwen2.5.jinja"), "", "<|im_end|>");
        assertThat(template.render(WITHOUT_SYSTEM, false)).isEqualTo(
                "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nWhat is 2+2? <|im_end|>\n"
                + "<|im_start|>assistant\n4.<|im_end|>\n"
                + "<|im_start|>user\nAnd 3+3?<|im_end|>\n");
    }

    @Test
    void qwen25GroupsToolResponsesIntoOneUserTurn() {
        ChatTemplate template = ChatTemplate.of(fixture("qwen2.5.jinja"), "", "<|im_end|>");
        List<Message> conversation = List.of(
                Message.system("You are a helpful assistant."),
                Message.user("Weather in Paris?"),
                Message.assistant("Let me check."),
                Message.tool("18 C, sunny", "weather"),
                Message.tool("wind 10 km/h", "weather"));
        assertThat(template.render(conversation, true)).isEqualTo(
                "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nWeather in Paris?<|im_end|>\n"
                + "<|im_start|>assistant\nLet me check.<|im_end|>\n"
                + "<|im_start|>user\n<tool_response>\n18 C, sunny\n</tool_response>"
                + "\n<tool_response>\nwind 10 km/h\n</tool_response><|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void qwen25ListsToolsAsPythonWritesJson() {
        ChatTemplate template = ChatTemplate.of(fixture("qwen2.5.jinja"), "", "<|im_end|>");
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("type", "string");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("type", "object");
        parameters.put("properties", Map.of("city", city));
        parameters.put("required", List.of("city"));
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", "get_weather");
        function.put("description", "Weather of a city, e.g. Zürich");
        function.put("parameters", parameters);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("type", "function");
        tool.put("function", function);
        String rendered = template.render(List.of(Message.user("Weather in Paris?")), true, Map.of("tools", List.of(tool)));
        assertThat(rendered).isEqualTo("<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful "
                + "assistant.\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\n"
                + "You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n"
                + "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": "
                + "\"Weather of a city, e.g. Zürich\", \"parameters\": {\"type\": \"object\", \"properties\": "
                + "{\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]}}}\n</tools>\n\n"
                + "For each function call, return a json object with function name and arguments within "
                + "<tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": "
                + "<args-json-object>}\n</tool_call><|im_end|>\n"
                + "<|im_start|>user\nWeather in Paris?<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void tojsonWritesLikePythonJsonDumps() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", List.of(1, 2.5, true));
        value.put("b", "q\"\n\u0001");
        value.put("c", null);
        assertThat(ChatTemplate.of("{{ v | tojson }}", "", "").render(List.of(Message.user("u")), false, Map.of("v", value)))
                .isEqualTo("{\"a\": [1, 2.5, true], \"b\": \"q\\\"\\n\\u0001\", \"c\": null}");
        assertThat(ChatTemplate.of("{{ v | tojson(indent=2) }}", "", "").render(List.of(Message.user("u")), false,
                Map.of("v", Map.of("k", List.of(1)))))
                .isEqualTo("{\n  \"k\": [\n    1\n  ]\n}");
    }

    @Test
    void smolLm2() {
        ChatTemplate template = ChatTemplate.of(fixture("smollm2.jinja"), "<|im_start|>", "<|im_end|>");
        assertThat(template.render(CONVERSATION, true)).isEqualTo(
                "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nWhat is 2+2? <|im_end|>\n"
                + "<|im_start|>assistant\n4.<|im_end|>\n"
                + "<|im_start|>user\nAnd 3+3?<|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void smolLm2AddsItsDefaultSystemPrompt() {
        ChatTemplate template = ChatTemplate.of(fixture("smollm2.jinja"), "<|im_start|>", "<|im_end|>");
        assertThat(template.render(List.of(Message.user("Hi")), true)).isEqualTo(
                "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
                + "<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void raiseExceptionRejectsTheConversationWithTheTemplatesMessage() {
        ChatTemplate template = ChatTemplate.of(fixture("mistral.jinja"), "<s>", "</s>");
        assertThat(template.render(List.of(Message.user("Hi"), Message.assistant("Hello"), Message.user("Bye")), false))
                .isEqualTo("<s>[INST] Hi [/INST]Hello</s>[INST] Bye [/INST]");
        assertThatThrownBy(() -> template.render(List.of(Message.user("Hi"), Message.user("Again")), true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Conversation roles must alternate user/assistant/user/assistant/...");
        assertThatThrownBy(() -> template.render(List.of(Message.system("Rules")), true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Conversation roles must alternate");
    }

    @Test
    void messageTextIsNeverInterpretedAsTemplate() {
        ChatTemplate template = ChatTemplate.of(fixture("smollm2.jinja"), "", "");
        String rendered = template.render(List.of(Message.system("s"), Message.user("{{ 7 * 7 }} {% if true %}x{% endif %}")), false);
        assertThat(rendered).contains("{{ 7 * 7 }} {% if true %}x{% endif %}").doesNotContain("49");
    }

    @Test
    void developerMessagesArePassedAsSystemAndToolMessagesAsTool() {
        ChatTemplate template = ChatTemplate.of("{% for m in messages %}{{ m.role }};{% endfor %}", "", "");
        assertThat(template.render(List.of(Message.developer("d"), Message.user("u"), Message.tool("t", "web"),
                Message.assistant("a")), false)).isEqualTo("system;user;tool;assistant;");
    }

    @Test
    void strftimeNowFormatsLikePython() {
        assertThat(TemplateFunctions.toJava("%d %b %Y")).isEqualTo("dd' 'MMM' 'yyyy");
        String rendered = ChatTemplate.of("{{ strftime_now('%Y') }}", "", "").render(List.of(Message.user("u")), false);
        assertThat(rendered).matches("\\d{4}");
    }

    private static String fixture(String name) {
        try (InputStream in = ChatTemplateFixturesTest.class.getResourceAsStream("/templates/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
