package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.runtime.decode.json.SchemaValidator;
import dev.polis.runtime.fixtures.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tool choice of {@code required} or a named tool is enforced on a local model by decoding: a random-weight model
 * with Qwen2.5's or Llama 3.1's official template calls the tool in every sampled answer, its arguments valid under
 * the tool's parameter schema (checked by an independent validator), in the key its template teaches.
 */
class ForcedToolChoiceTest {

    private static final Map<String, Object> CITY = Map.of("type", "object",
            "properties", Map.of("city", Map.of("type", "string", "minLength", 1, "maxLength", 8),
                    "days", Map.of("type", "integer", "minimum", 1, "maximum", 7)),
            "required", List.of("city", "days"));
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather in a city", CITY);
    private static final ToolDefinition CLOCK = new ToolDefinition("get_time", "Current time", Map.of());

    @TempDir
    static Path temp;

    private static ChatModel qwen;
    private static ChatModel llama;

    @BeforeAll
    static void load() throws IOException {
        qwen = withTemplate("qwen", "/templates/qwen2.5.jinja");
        llama = withTemplate("llama", "/templates/llama3.1-tools.jinja");
    }

    @AfterAll
    static void close() {
        qwen.close();
        llama.close();
    }

    @Test
    void aNamedToolIsCalledInEverySampledAnswerWithArgumentsValidUnderItsSchema() {
        for (ChatModel model : List.of(qwen, llama)) {
            List<String> failures = new ArrayList<>();
            for (int seed = 0; seed < 12; seed++) {
                ChatResponse response = model.chat(ask(seed).withTools(List.of(CLOCK, WEATHER),
                        ToolChoice.named("get_weather")));
                List<ToolCall> calls = response.toolCalls();
                if (response.finishReason() != FinishReason.TOOL_CALLS || calls.size() != 1
                        || !calls.getFirst().name().equals("get_weather")
                        || !SchemaValidator.violations(calls.getFirst().arguments(), CITY).isEmpty()) {
                    failures.add("seed " + seed + ": " + response.finishReason() + " " + calls + " " + response.text());
                }
            }
            assertThat(failures).as(model.spec()).isEmpty();
        }
    }

    @Test
    void requiredWithSeveralToolsCallsOneOfThem() {
        for (int seed = 0; seed < 8; seed++) {
            ChatResponse response = qwen.chat(ask(seed).withTools(List.of(CLOCK, WEATHER), ToolChoice.REQUIRED));
            assertThat(response.finishReason()).as(response.text()).isEqualTo(FinishReason.TOOL_CALLS);
            assertThat(response.toolCalls()).singleElement()
                    .satisfies(call -> assertThat(call.name()).isIn("get_time", "get_weather"));
        }
    }

    @Test
    void eachTemplateFamilyGetsTheArgumentsKeyItTeaches() throws IOException {
        assertThat(ForcedToolCall.argumentsKey(resource("/templates/qwen2.5.jinja"))).isEqualTo("arguments");
        assertThat(ForcedToolCall.argumentsKey(resource("/templates/mistral-v0.3.jinja"))).isEqualTo("arguments");
        assertThat(ForcedToolCall.argumentsKey(resource("/templates/llama3.1-tools.jinja"))).isEqualTo("parameters");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ForcedToolChoiceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aJsonFormatBesideAForcedCallAndAnUnsupportedParameterAreRefusedNamingTheField() {
        assertThatThrownBy(() -> qwen.chat(ask(0).withTools(List.of(WEATHER), ToolChoice.REQUIRED)
                .withResponseFormat(ResponseFormat.JSON_OBJECT)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("responseFormat: a forced tool call");
        ToolDefinition patterned = new ToolDefinition("find", "Find", Map.of("type", "object",
                "properties", Map.of("q", Map.of("type", "string", "pattern", "^a"))));
        assertThatThrownBy(() -> qwen.chat(ask(0).withTools(List.of(CLOCK, patterned), ToolChoice.named("find"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("tools[1].parameters.properties.q: 'pattern' is not supported");
    }

    private static ChatRequest ask(int seed) {
        return ChatRequest.of(Message.user("Weather?")).withSettings(GenerationSettings.DEFAULTS.withTemperature(1.0)
                .withSeed(seed).withMaxTokens(120));
    }

    private static ChatModel withTemplate(String name, String template) throws IOException {
        Path folder = TinyChatCheckpoint.writeTo(Files.createDirectories(temp.resolve(name)), 4096);
        try (InputStream in = ForcedToolChoiceTest.class.getResourceAsStream(template)) {
            Files.write(folder.resolve("chat_template.jinja"), in.readAllBytes());
        }
        return new LocalChatModelProvider(TestHost.extensions(), TestHost.settings())
                .create(ModelRequest.of("local:" + folder));
    }
}
