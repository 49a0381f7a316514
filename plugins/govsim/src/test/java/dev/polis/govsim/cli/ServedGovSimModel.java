package dev.polis.govsim.cli;

import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.govsim.agent.llm.ScriptedGovSim;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible server on 127.0.0.1 (ephemeral port) serving one scripted model for a whole GovSim society:
 * each answer is a function of the prompt (who is asked, what is asked), in the formats the LLM agent parses.
 */
final class ServedGovSimModel implements AutoCloseable {

    static final String MODEL_NAME = "govsim-scripted";

    private static final Pattern NAME = Pattern.compile("You are (\\w+),");

    private final ScriptedChatModel model;
    private final ChatCompletionsServer server;

    /** Starts serving; {@code harvestFor} gives each persona's answer to harvest prompts by its name. */
    ServedGovSimModel(Function<String, String> harvestFor) {
        this.model = ScriptedChatModel.builder().modelName(MODEL_NAME)
                .answer(request -> {
                    String name = nameOf(request);
                    return ScriptedGovSim.answer(name, harvestFor.apply(name), request);
                }).build();
        this.server = ChatCompletionsServer.start(model, MODEL_NAME, new InetSocketAddress("127.0.0.1", 0),
                ServerOptions.DEFAULTS.withShutdownGrace(Duration.ofSeconds(2)));
    }

    /** Returns the {@code openai:} spec of the served model. */
    String spec() {
        return "openai:" + server.baseUrl() + "#" + MODEL_NAME;
    }

    /** Returns how many requests the server answered. */
    int calls() {
        return model.callCount();
    }

    /** Returns the persona a prompt addresses ({@code ""} for the framework's prompts, which address none). */
    static String nameOf(ChatRequest request) {
        for (Message message : request.messages()) {
            Matcher m = NAME.matcher(message.content());
            if (m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.close();
    }
}
