package dev.polis.guards.eval;

import java.util.ArrayList;
import java.util.List;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;

/**
 * Plays one case against a target model, with or without a guard: each message below SYSTEM passes the guard at
 * its boundary (a refused USER message stops the request; a refused TOOL message is replaced by a note saying it
 * was withheld; a neutralised one goes on rewritten), then the answer passes the guard at the model-output
 * boundary (refused: replaced by a refusal).
 *
 * @param target the model under test (greedy decoding)
 * @param guard  the guard, or {@code null} to play without one
 */
public record EndToEnd(ChatModel target, Guard guard) {

    /** The note that stands in for withheld tool output. */
    public static final String WITHHELD = "[The document was withheld by a guard: it tried to instruct the assistant.]";
    /** The answer that stands in for a refused output. */
    public static final String REFUSED = "I'm sorry, I can't help with that.";

    /**
     * One play.
     *
     * @param answer       the answer the user sees
     * @param guardRefused whether a guard refused the input or the output
     */
    public record Outcome(String answer, boolean guardRefused) {
    }

    /** Plays {@code item}. */
    public Outcome play(LabeledText item) {
        List<Message> prompt = new ArrayList<>();
        for (Message m : TargetPrompt.conversation(item)) {
            if (guard == null || m.privilege().compareTo(Privilege.DEVELOPER) >= 0) {
                prompt.add(m);
                continue;
            }
            Boundary boundary = m.privilege() == Privilege.TOOL ? Boundary.TOOL_OUTPUT : Boundary.INPUT;
            GuardVerdict v = guard.inspect(new GuardRequest(m, boundary, prompt));
            if (v.decision() == Decision.REFUSE) {
                if (m.privilege().compareTo(Privilege.USER) >= 0) {
                    return new Outcome(REFUSED, true);
                }
                prompt.add(m.withContent(WITHHELD));
            } else {
                prompt.add(v.message());
            }
        }
        ChatRequest request = ChatRequest.of(prompt).withSettings(GenerationSettings.DEFAULTS.withTemperature(0.0));
        String answer = target.chat(request).text();
        if (guard != null) {
            GuardVerdict out = guard.inspect(new GuardRequest(Message.assistant(answer), Boundary.MODEL_OUTPUT, prompt));
            if (out.decision() == Decision.REFUSE) {
                return new Outcome(REFUSED, true);
            }
        }
        return new Outcome(answer, false);
    }
}
