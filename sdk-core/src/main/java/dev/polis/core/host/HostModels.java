package dev.polis.core.host;

import java.util.Objects;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.chat.ModelSpec;
import dev.polis.core.calls.CallLog;
import dev.polis.core.calls.RecordingChatModel;
import dev.polis.core.calls.RecordingEmbeddingModel;
import dev.polis.core.calls.SharedCallLogs;

/**
 * The host's {@link Models}: completes a request with the operator's choices, asks the spec's provider, and
 * wraps the model so that its calls land in the run folder's {@code calls.jsonl}.
 */
public final class HostModels implements Models {

    private final Extensions extensions;
    private final InferenceOptions operator;
    private final SharedCallLogs logs = new SharedCallLogs();

    /** Creates the service over {@code extensions}, filling open choices from {@code operator}. */
    public HostModels(Extensions extensions, InferenceOptions operator) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    @Override
    public ChatModel chat(ModelRequest request) {
        ModelRequest completed = complete(request);
        ChatModel model = notNull(extensions.get(ChatModelProvider.class, completed.spec().provider())
                .create(completed), completed);
        return recorded(model, completed, RecordingChatModel::wrap);
    }

    @Override
    public EmbeddingModel embedding(ModelRequest request) {
        ModelRequest completed = complete(request);
        EmbeddingModel model = notNull(extensions.get(EmbeddingModelProvider.class, completed.spec().provider())
                .create(completed), completed);
        return recorded(model, completed, RecordingEmbeddingModel::wrap);
    }

    @Override
    public InferenceOptions operatorChoices() {
        return operator;
    }

    private ModelRequest complete(ModelRequest request) {
        return request.withInference(request.inference().orElse(operator));
    }

    private <M extends AutoCloseable> M recorded(M model, ModelRequest request, Wrapper<M> wrapper) {
        if (request.run().directory().isEmpty()) {
            return model;
        }
        try {
            SharedCallLogs.Lease lease = logs.lease(request.run().directory().get());
            return wrapper.wrap(model, request.spec(), lease.log(), lease);
        } catch (RuntimeException e) {
            try {
                model.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static <T> T notNull(T model, ModelRequest request) {
        if (model == null) {
            throw new PolisException("the model provider '" + request.spec().provider() + "' created nothing for '"
                    + request.spec() + "' (returned null); this is a bug in its plugin");
        }
        return model;
    }

    /** Wraps a model so that its calls are recorded; closing the wrapper releases {@code lease} after the model. */
    @FunctionalInterface
    private interface Wrapper<M> {
        M wrap(M model, ModelSpec spec, CallLog log, AutoCloseable lease);
    }
}
