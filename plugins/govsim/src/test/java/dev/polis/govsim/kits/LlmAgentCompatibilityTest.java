package dev.polis.govsim.kits;

import dev.polis.api.agent.AgentProvider;
import dev.polis.api.chat.ChatModel;
import dev.polis.govsim.agent.llm.LlmAgentProvider;
import dev.polis.govsim.agent.llm.ModelResolver;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.util.Optional;

/** {@code govsim.llm} on a scripted chat model passes the agent compatibility kit. */
class LlmAgentCompatibilityTest extends GovSimAgentKit {

    @Override
    protected AgentProvider createProvider() {
        return new LlmAgentProvider(ModelResolver.none());
    }

    @Override
    protected Optional<ChatModel> model() {
        return Optional.of(ScriptedChatModel.always("I will be careful. Answer: 7 tons"));
    }
}
