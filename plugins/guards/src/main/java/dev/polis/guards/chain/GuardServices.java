package dev.polis.guards.chain;

import java.util.Objects;
import java.util.function.Function;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.host.Models;
import dev.polis.api.run.RunContext;

/**
 * What guards may need from the host: a chat model by spec, for the judge.
 *
 * @param chatModels opens the chat model a spec names; the caller closes it
 */
public record GuardServices(Function<String, ChatModel> chatModels) {

    /** Services without a model: a configured judge is an error naming the setting. */
    public static final GuardServices NONE = new GuardServices(spec -> {
        throw new InvalidInputException("judge.model: no model service is available here to open '" + spec
                + "'; configure the guard through the polis host");
    });

    /** Checks the component. */
    public GuardServices {
        Objects.requireNonNull(chatModels, "chatModels");
    }

    /** Returns services over the host's models, for the models of {@code run} (their calls are recorded there). */
    public static GuardServices of(Models models, RunContext run) {
        return new GuardServices(spec -> models.chat(ModelRequest.of(spec).inRun(run)));
    }
}
