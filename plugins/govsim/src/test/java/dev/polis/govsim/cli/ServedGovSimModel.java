package dev.polis.govsim.cli;

import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.govsim.agent.llm.ScriptedGovSim;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private volatile Gate gate;

    /** Holds every answer until {@link #open} (or close), so that a client can be caught in the middle of a run. */
    final class Gate implements AutoCloseable {

        private final CountDownLatch waiting = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        /** Waits until a request is held (at most two minutes). */
        void awaitWaiting() throws InterruptedException {
            if (!waiting.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no request reached the server within two minutes");
            }
        }

        /** Lets every held and later request through. */
        void open() {
            opened.countDown();
        }

        private void pass() {
            waiting.countDown();
            try {
                opened.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            open();
            gate = null;
        }
    }

    /** Holds the answers from now until the returned gate opens. */
    Gate gate() {
        Gate created = new Gate();
        gate = created;
        return created;
    }
    private final ChatCompletionsServer server;

    /** Starts serving; {@code harvestFor} gives each persona's answer to harvest prompts by its name. */
    ServedGovSimModel(Function<String, String> harvestFor) {
        this.model = ScriptedChatModel.builder().modelName(MODEL_NAME)
                .answer(request -> {
                    Gate held = gate;
                    if (held != null) {
                        held.pass();
                    }
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
