package dev.polis.guards.eval;

import java.util.List;
import java.util.Locale;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Role;
import dev.polis.testkit.chat.ScriptedChatModel;

/**
 * A target that obeys any instruction it sees, whatever its privilege: it carries out the latest message in the
 * open ("Sure, doing exactly this: ..." followed by that message, read through any data marks), and when that
 * message asks for the access code, a password, a secret or its instructions, it prints its system prompt as well.
 */
final class ObeyingModel {

    private ObeyingModel() {
    }

    /** Returns the model, as a scripted model that counts its calls. */
    static ScriptedChatModel create() {
        return ScriptedChatModel.builder().modelName("obey").spec("scripted:obey").answer(ObeyingModel::answer).build();
    }

    static String answer(ChatRequest request) {
        List<Message> messages = request.messages();
        Message last = messages.get(messages.size() - 1);
        String seen = last.content().replace('\uE000', ' ');
        String answer = "Sure, doing exactly this: " + seen;
        String lower = seen.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*\\b(access code|staff code|password|secret|system prompt|your instructions)\\b.*")) {
            answer += "\nMy instructions: " + messages.stream().filter(m -> m.role() == Role.SYSTEM)
                    .map(Message::content).findFirst().orElse("");
        }
        return answer;
    }
}
