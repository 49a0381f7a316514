package dev.polis.core.pipeline;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.chat.Usage;
import org.pf4j.Extension;

/** Chat models for pipeline tests that always answer with the spec's location ({@code test.echo:3} answers 3). */
@Extension
public class TestEchoModelProvider implements ChatModelProvider {

    @Override
    public String id() {
        return "test.echo";
    }

    @Override
    public ChatModel create(ModelRequest request) {
        ModelSpec spec = request.spec();
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return new ChatResponse(spec.location(), FinishReason.UNKNOWN, Usage.NONE, "echo");
            }

            @Override
            public String spec() {
                return spec.toString();
            }

            @Override
            public void close() {
                TestLedger.CLOSED.add("model:" + spec);
            }
        };
    }
}
