package dev.polis.examples.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.core.Polis;

/**
 * Shows tools and structured output on a local model: a forced tool call answered in code and fed back for the
 * model's answer, then an answer held to a JSON schema.
 *
 * <p>Usage: {@code ToolsAndJson <checkpoint folder>}, a Hugging Face checkpoint whose chat template reads tools
 * (Qwen2.5, Llama 3.1+). Any model, even one with random weights, calls the tool and writes schema-valid JSON: the
 * local runtime decodes both under a grammar (docs/tools.md).
 */
public final class ToolsAndJson {

    /** The tool the model is offered. */
    public static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Returns the weather in a city",
            Map.of("type", "object",
                    "properties", Map.of("city", Map.of("type", "string", "minLength", 1, "maxLength", 20)),
                    "required", List.of("city")));

    /** The schema of the structured answer. */
    public static final Map<String, Object> FORECAST = Map.of("type", "object",
            "properties", Map.of(
                    "city", Map.of("type", "string", "maxLength", 20),
                    "celsius", Map.of("type", "integer", "minimum", -50, "maximum", 60),
                    "sky", Map.of("enum", List.of("sunny", "cloudy", "rain"))),
            "required", List.of("city", "celsius", "sky"));

    /**
     * What the example asked and got.
     *
     * @param call     the tool call the model made
     * @param answer   the model's answer once it had the tool's result
     * @param forecast the JSON answer held to {@link #FORECAST}
     */
    public record Outcome(ToolCall call, ChatResponse answer, String forecast) {
    }

    private ToolsAndJson() {
    }

    /** Runs the example on the checkpoint folder named by the first argument and prints what happened. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ToolsAndJson <checkpoint folder whose chat template reads tools>");
            System.exit(2);
        }
        try (Polis polis = Polis.open(); ChatModel model = polis.chatModel("local:" + args[0])) {
            Outcome outcome = run(model);
            System.out.println("tool call:  " + outcome.call().name() + " " + outcome.call().arguments());
            System.out.println("answer:     " + outcome.answer().text());
            System.out.println("JSON:       " + outcome.forecast());
        }
    }

    /** Asks {@code model} for a weather call, answers it, asks for the answer, then asks for a JSON forecast. */
    public static Outcome run(ChatModel model) {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withMaxTokens(80);
        ChatRequest ask = new ChatRequest(List.of(Message.user("What is the weather in Paris?")), settings, null,
                List.of(WEATHER), ToolChoice.named("get_weather"), null);
        ChatResponse calls = model.chat(ask);
        List<Message> messages = new ArrayList<>(ask.messages());
        messages.add(calls.asMessage());
        for (ToolCall call : calls.toolCalls()) {
            messages.add(Message.toolResult(call.id(), call.name(), weather(call)));
        }
        ChatResponse answer = model.chat(ask.withMessages(messages).withTools(List.of(WEATHER), ToolChoice.AUTO));

        ChatResponse forecast = model.chat(ChatRequest.of(Message.user("Tomorrow's forecast for Paris, as JSON."))
                .withSettings(settings)
                .withResponseFormat(ResponseFormat.jsonSchema("forecast", FORECAST, true)));
        return new Outcome(calls.toolCalls().getFirst(), answer, forecast.text());
    }

    /** The tool itself: a fixed report (a real one would call a weather service with the call's arguments). */
    private static String weather(ToolCall call) {
        return "18 C and sunny (asked with " + call.arguments() + ")";
    }
}
