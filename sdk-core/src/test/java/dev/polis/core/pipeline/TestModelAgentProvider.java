package dev.polis.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import org.pf4j.Extension;

/**
 * Agents for pipeline tests that ask their chat model how much to take, and note how many lines of
 * {@code events.jsonl} exist each time they act.
 */
@Extension
public class TestModelAgentProvider implements AgentProvider {

    @Override
    public String id() {
        return "test.model-agent";
    }

    @Override
    public Agent create(AgentContext context) {
        ChatModel model = context.model().orElseThrow(() -> new InvalidInputException(
                "agent " + context.agentId() + " needs a model"));
        Path events = context.run().directory().orElseThrow().resolve("events.jsonl");
        String id = context.agentId();
        return new Agent() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Action act(Observation observation) {
                try {
                    TestLedger.EVENT_LINES_SEEN.add(Files.readAllLines(events).size());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String answer = model.chat(ChatRequest.of(Message.user(observation.text()))).text();
                return Action.of(id, "take", Integer.parseInt(answer.trim()));
            }

            @Override
            public void close() {
                TestLedger.CLOSED.add("agent:" + id);
            }
        };
    }
}
