package dev.polis.runtime.chat;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.GenerationSettings;

/**
 * A {@link ChatModel} running a checkpoint in this process: renders the conversation with the model's chat template,
 * decodes, and streams the answer's text.
 *
 * <p>Calls are served one at a time (a fair lock), since one model's generations compete for the same cores or GPU
 * anyway; concurrent callers wait their turn. Closing frees the model, once.
 */
public final class LocalChatModel implements ChatModel {

    private final LocalModel model;
    private final String spec;
    private final Function<GenerationSettings, DecoderChoice> decoders;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean closed;

    /**
     * Creates a chat model over {@code model}.
     *
     * @param spec     the spec it was created from, for records
     * @param decoders picks the decoder, with its settings, for a request's settings
     */
    public LocalChatModel(LocalModel model, String spec, Function<GenerationSettings, DecoderChoice> decoders) {
        this.model = Objects.requireNonNull(model, "model");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.decoders = Objects.requireNonNull(decoders, "decoders");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return generate(request, piece -> { });
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response;
        try {
            response = generate(request, listener::onText);
        } catch (RuntimeException e) {
            listener.onError(e);
            throw e;
        }
        listener.onComplete(response);
        return response;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private ChatResponse generate(ChatRequest request, Consumer<String> sink) {
        String prompt = model.chatTemplate().render(request.messages(), true);
        int[] tokens = model.tokenizer().encode(prompt);
        DecoderChoice decoder = decoders.apply(request.settings());
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the local model " + spec + " is closed");
            }
            Generation generation = TextGenerator.generate(model, tokens, request.settings(), decoder, sink);
            return new ChatResponse(generation.text(), generation.finishReason(), generation.usage(), model.name());
        } finally {
            lock.unlock();
        }
    }
}
