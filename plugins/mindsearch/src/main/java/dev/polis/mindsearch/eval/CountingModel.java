package dev.polis.mindsearch.eval;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls made to a model it passes through; closing it leaves the model open (its owner closes it). */
public final class CountingModel implements ChatModel {

    private final ChatModel model;
    private final AtomicInteger calls = new AtomicInteger();

    /** Wraps {@code model}. */
    public CountingModel(ChatModel model) {
        this.model = model;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        calls.incrementAndGet();
        return model.chat(request);
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        calls.incrementAndGet();
        return model.stream(request, listener);
    }

    @Override
    public String spec() {
        return model.spec();
    }

    /** Returns the calls so far. */
    public int calls() {
        return calls.get();
    }
}
