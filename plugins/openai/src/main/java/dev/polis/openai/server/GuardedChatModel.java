package dev.polis.openai.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;

/**
 * A served model behind a guard: every user and tool message of a request passes the guard first (a neutralised
 * message goes on rewritten; a refused one refuses the whole request with {@link GuardRefusal}, HTTP 400
 * {@code guard_refused_input}), and the answer passes it at the model-output boundary (refused: HTTP 400
 * {@code guard_refused_output}, the answer withheld). SYSTEM and DEVELOPER messages and earlier assistant turns are
 * not inspected. Streaming is buffered: the answer is checked whole before its text is sent.
 *
 * @param model the served model
 * @param guard the guard (a {@code guard.chain} from {@code polis serve --guards})
 */
public record GuardedChatModel(ChatModel model, Guard guard) implements ChatModel {

    /** Checks the components. */
    public GuardedChatModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(guard, "guard");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        List<Message> kept = new ArrayList<>();
        for (Message m : request.messages()) {
            if (m.role() == Role.ASSISTANT || m.privilege().compareTo(Privilege.DEVELOPER) >= 0) {
                kept.add(m);
                continue;
            }
            Boundary boundary = m.role() == Role.TOOL ? Boundary.TOOL_OUTPUT : Boundary.INPUT;
            GuardVerdict v = guard.inspect(new GuardRequest(m, boundary, kept));
            if (v.decision() == Decision.REFUSE) {
                throw new GuardRefusal("guard_refused_input", "the guard refused the request's "
                        + m.role().wireName() + " message: " + v.reason());
            }
            kept.add(v.message());
        }
        ChatResponse response = model.chat(request.withMessages(kept));
        if (response.text().isEmpty()) {
            return response;
        }
        GuardVerdict out = guard.inspect(new GuardRequest(Message.assistant(response.text()), Boundary.MODEL_OUTPUT,
                kept));
        if (out.decision() == Decision.REFUSE) {
            throw new GuardRefusal("guard_refused_output", "the guard withheld the model's answer: " + out.reason());
        }
        if (out.decision() == Decision.NEUTRALISE) {
            return new ChatResponse(out.message().content(), response.finishReason(), response.usage(),
                    response.model(), response.toolCalls());
        }
        return response;
    }

    @Override
    public String spec() {
        return model.spec();
    }

    /** Closes the guard and the model. */
    @Override
    public void close() {
        try {
            guard.close();
        } finally {
            model.close();
        }
    }
}
