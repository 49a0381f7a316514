package dev.polis.govsim.agent.llm.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;

/**
 * An agent's model behind a guard on third-party words: every TOOL-privilege message of a prompt (another agent's
 * chat line) passes the guard at the {@link Boundary#AGENT_MESSAGE} boundary before the model sees it. A
 * neutralised line goes on rewritten (for example datamarked as data); a refused one is replaced by a note that it
 * was withheld. The rules, the game's instructions and the agent's own lines are not inspected, so a newcomer's
 * "ignore the limit" reaches the agent as marked data, never as an instruction. The model belongs to the run: closing
 * this closes nothing.
 *
 * @param model the agent's model
 * @param guard the guard (the run's, from the agent's {@code guards} setting)
 */
public record GuardedAgentModel(ChatModel model, Guard guard) implements ChatModel {

    /** Checks the components. */
    public GuardedAgentModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(guard, "guard");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        List<Message> seen = new ArrayList<>();
        for (Message m : request.messages()) {
            if (m.privilege() != Privilege.TOOL) {
                seen.add(m);
                continue;
            }
            GuardVerdict v = guard.inspect(new GuardRequest(m, Boundary.AGENT_MESSAGE, seen));
            seen.add(v.decision() == Decision.REFUSE
                    ? m.withContent("[" + (m.source().isEmpty() ? "another agent" : m.source())
                            + "'s message was withheld by a guard: it tried to instruct you.]")
                    : v.message());
        }
        return model.chat(request.withMessages(seen));
    }

    @Override
    public String spec() {
        return model.spec();
    }
}
