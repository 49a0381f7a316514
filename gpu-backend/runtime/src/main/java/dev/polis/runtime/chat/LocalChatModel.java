package dev.polis.runtime.chat;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.api.inference.TokenConstraint;

/**
 * A {@link ChatModel} running a checkpoint in this process: renders the conversation (tools and tool results
 * included: {@link ChatPrompt}) with the model's chat template, decodes, and streams the answer's text. When tools
 * are offered, an answer that is a tool call in the model family's form ({@link ToolCallParser}) comes back as
 * {@link ToolCall}s with {@link FinishReason#TOOL_CALLS}; text that may be a call is held back from the stream until
 * that is known ({@link HeldText}), and the calls are streamed as one fragment each. A JSON response format holds
 * the decoder to JSON that follows it, token by token ({@link ResponseFormats}).
 *
 * <p>Calls are served one at a time (a fair lock), since one model's generations compete for the same cores or GPU
 * anyway; concurrent callers wait their turn. Closing frees the model, once.
 */
public final class LocalChatModel implements ChatModel {

    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final LocalModel model;
    private final String spec;
    private final Function<GenerationSettings, DecoderChoice> decoders;
    private final TemplateDate date;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean closed;

    /**
     * Creates a chat model over {@code model}.
     *
     * @param spec     the spec it was created from, for records
     * @param decoders picks the decoder, with its settings, for a request's settings
     */
    public LocalChatModel(LocalModel model, String spec, Function<GenerationSettings, DecoderChoice> decoders) {
        this(model, spec, decoders, TemplateDate.CLOCK);
    }

    /** Creates a chat model whose chat template sees {@code date} as today ({@link TemplateDate}). */
    LocalChatModel(LocalModel model, String spec, Function<GenerationSettings, DecoderChoice> decoders,
                   TemplateDate date) {
        this.model = Objects.requireNonNull(model, "model");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.decoders = Objects.requireNonNull(decoders, "decoders");
        this.date = Objects.requireNonNull(date, "date");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return generate(request, piece -> { }, fragment -> { });
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response;
        try {
            response = generate(request, listener::onText, listener::onToolCallFragment);
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

    private ChatResponse generate(ChatRequest request, Consumer<String> sink, Consumer<ToolCallFragment> fragments) {
        TokenConstraint constraint = ResponseFormats.constraint(model, request);
        String prompt = ChatPrompt.render(date.apply(model.chatTemplate()), model.name(), request, date.variables());
        int[] tokens = model.tokenizer().encode(prompt);
        DecoderChoice decoder = decoders.apply(request.settings());
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the local model " + spec + " is closed");
            }
            if (!ChatPrompt.offersTools(request)) {
                Generation generation = TextGenerator.generate(model, tokens, request.settings(), decoder, constraint, sink);
                return new ChatResponse(generation.text(), generation.finishReason(), generation.usage(), model.name());
            }
            HeldText held = new HeldText(sink);
            Generation generation = TextGenerator.generate(model, tokens, request.settings(), decoder, constraint, held);
            ToolCallParser.Parsed parsed = ToolCallParser.parse(generation.text(),
                    request.tools().stream().map(ToolDefinition::name).collect(Collectors.toSet()), index -> callId());
            if (parsed.calls().isEmpty()) {
                held.releaseAll();
                return new ChatResponse(generation.text(), generation.finishReason(), generation.usage(), model.name());
            }
            for (int i = 0; i < parsed.calls().size(); i++) {
                ToolCall call = parsed.calls().get(i);
                fragments.accept(new ToolCallFragment(i, call.id(), call.name(), call.arguments()));
            }
            return new ChatResponse(parsed.content(), FinishReason.TOOL_CALLS, generation.usage(), model.name(),
                    parsed.calls());
        } finally {
            lock.unlock();
        }
    }

    /** Returns a fresh call id: 9 letters and digits, the form Mistral's template insists on. */
    private static String callId() {
        StringBuilder id = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            id.append(ID_CHARS.charAt(ThreadLocalRandom.current().nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
