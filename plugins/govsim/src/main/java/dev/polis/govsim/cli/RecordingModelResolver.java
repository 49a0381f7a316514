package dev.polis.govsim.cli;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.core.calls.CallLog;
import dev.polis.core.calls.RecordingChatModel;
import dev.polis.govsim.agent.llm.ModelResolver;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link ModelResolver} whose chat models record every call in a run's {@code calls.jsonl}: each model the
 * delegate creates is wrapped with {@link RecordingChatModel}. Embedding models pass through unrecorded (a call
 * log holds chat calls only).
 */
final class RecordingModelResolver implements ModelResolver {

    private final ModelResolver delegate;
    private final Supplier<CallLog> log;

    /** Creates a resolver that records into the log {@code log} supplies (opened on first use). */
    RecordingModelResolver(ModelResolver delegate, Supplier<CallLog> log) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public ChatModel chatModel(String spec) {
        ModelSpec parsed = ModelSpec.parse(spec);
        ChatModel model = delegate.chatModel(spec);
        try {
            return RecordingChatModel.wrap(model, parsed, log.get());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public EmbeddingModel embeddingModel(String spec) {
        return delegate.embeddingModel(spec);
    }
}
