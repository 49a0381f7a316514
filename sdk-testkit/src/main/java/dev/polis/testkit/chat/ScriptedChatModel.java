package dev.polis.testkit.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.api.chat.Usage;

/**
 * A deterministic {@link ChatModel} for tests: its answers are fixed replies given in order, or a function of
 * the request once the fixed replies are used up.
 *
 * <p>It behaves like a real model where tests look: it streams each answer in word pieces, cuts the answer
 * at the first stop sequence of the request ({@link FinishReason#STOP}) or after {@code maxTokens} words
 * ({@link FinishReason#LENGTH}), and counts usage in whitespace-separated tokens (prompt: all message
 * contents; completion: the answer). It is thread-safe; concurrent calls take replies in arrival order.
 *
 * <p>A step added with {@link Builder#callTools} answers with tool calls instead of text
 * ({@link FinishReason#TOOL_CALLS}); streamed, each call arrives as a first fragment with its id and name, then
 * its arguments in pieces of {@value #ARGUMENT_PIECE} characters, call after call, as OpenAI servers send them.
 *
 * <pre>{@code
 * ScriptedChatModel model = ScriptedChatModel.builder()
 *         .reply("I will fish 10 tons.")
 *         .answer(request -> "echo: " + request.messages().getLast().content())
 *         .build();
 * }</pre>
 */
public final class ScriptedChatModel implements ChatModel {

    /** How many characters of a tool call's arguments one streamed fragment carries. */
    public static final int ARGUMENT_PIECE = 4;

    /** Marks the steps that answer with tool calls; the calls are looked up by the step's index. */
    private final Map<Integer, List<ToolCall>> toolSteps;

    private final List<Function<ChatRequest, String>> steps;
    private final Function<ChatRequest, String> fallback;
    private final String modelName;
    private final String spec;
    private final Duration pieceDelay;
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<ChatRequest> requests = new ConcurrentLinkedQueue<>();

    private ScriptedChatModel(Builder builder) {
        this.steps = List.copyOf(builder.steps);
        this.toolSteps = Map.copyOf(builder.toolSteps);
        this.fallback = builder.fallback;
        this.modelName = builder.modelName;
        this.spec = builder.spec;
        this.pieceDelay = builder.pieceDelay;
    }

    /** Starts a script. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a model that answers every request with {@code reply}. */
    public static ScriptedChatModel always(String reply) {
        return builder().answer(request -> reply).build();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return respond(request);
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        try {
            ChatResponse response = respond(request);
            for (String piece : WordPieces.split(response.text())) {
                pause();
                listener.onText(piece);
            }
            for (int i = 0; i < response.toolCalls().size(); i++) {
                ToolCall call = response.toolCalls().get(i);
                pause();
                listener.onToolCallFragment(new ToolCallFragment(i, call.id(), call.name(), ""));
                for (int at = 0; at < call.arguments().length(); at += ARGUMENT_PIECE) {
                    pause();
                    listener.onToolCallFragment(new ToolCallFragment(i, null, null, call.arguments()
                            .substring(at, Math.min(call.arguments().length(), at + ARGUMENT_PIECE))));
                }
            }
            listener.onComplete(response);
            return response;
        } catch (RuntimeException e) {
            listener.onError(e);
            throw e;
        }
    }

    @Override
    public String spec() {
        return spec;
    }

    /** Returns the requests received so far, in arrival order. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** Returns how many calls were made. */
    public int callCount() {
        return calls.get();
    }

    private ChatResponse respond(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        int index = calls.getAndIncrement();
        requests.add(request);
        List<ToolCall> toolCalls = toolSteps.get(index);
        if (toolCalls != null) {
            return new ChatResponse("", FinishReason.TOOL_CALLS, new Usage(promptTokens(request),
                    toolCalls.stream().mapToInt(call -> WordPieces.count(call.arguments())).sum()), modelName, toolCalls);
        }
        return shape(request, answerTo(request, index));
    }

    private static int promptTokens(ChatRequest request) {
        return request.messages().stream().map(Message::content).mapToInt(WordPieces::count).sum();
    }

    private String answerTo(ChatRequest request, int index) {
        if (index < steps.size()) {
            return steps.get(index).apply(request);
        }
        if (fallback != null) {
            return fallback.apply(request);
        }
        throw new PolisException("scripted model '" + spec + "' has no reply left for call " + (index + 1)
                + ": it was given " + steps.size() + " replies and no answer function; add replies with reply(...)"
                + " or an answer(...) function to the builder");
    }

    private ChatResponse shape(ChatRequest request, String answer) {
        String text = answer;
        FinishReason reason = FinishReason.STOP;
        int cut = firstStop(text, request.settings().stop());
        if (cut >= 0) {
            text = text.substring(0, cut);
        }
        Integer maxTokens = request.settings().maxTokens();
        List<String> pieces = WordPieces.split(text);
        if (maxTokens != null && WordPieces.count(text) > maxTokens) {
            text = String.join("", pieces.subList(0, maxTokens));
            reason = FinishReason.LENGTH;
        }
        return new ChatResponse(text, reason, new Usage(promptTokens(request), WordPieces.count(text)), modelName);
    }

    private static int firstStop(String text, List<String> stops) {
        int first = -1;
        for (String stop : stops) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private void pause() {
        if (pieceDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(pieceDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolisException("scripted model '" + spec + "' was interrupted while streaming", e);
        }
    }

    /** Builds a {@link ScriptedChatModel}: replies in order, then an optional answer function. */
    public static final class Builder {

        private final List<Function<ChatRequest, String>> steps = new ArrayList<>();
        private final Map<Integer, List<ToolCall>> toolSteps = new HashMap<>();
        private Function<ChatRequest, String> fallback;
        private String modelName = "scripted";
        private String spec = "scripted";
        private Duration pieceDelay = Duration.ZERO;

        private Builder() {
        }

        /** Adds replies given in order, one per call. */
        public Builder reply(String... replies) {
            for (String reply : replies) {
                Objects.requireNonNull(reply, "reply");
                steps.add(request -> reply);
            }
            return this;
        }

        /** Adds replies given in order, one per call. */
        public Builder replies(List<String> replies) {
            return reply(replies.toArray(String[]::new));
        }

        /** Adds one call that answers with a function of its request. */
        public Builder replyWith(Function<ChatRequest, String> answer) {
            steps.add(Objects.requireNonNull(answer, "answer"));
            return this;
        }

        /**
         * Adds one call that answers with {@code calls} (several for parallel calls) and no text, finishing with
         * {@link FinishReason#TOOL_CALLS}.
         */
        public Builder callTools(ToolCall... calls) {
            if (calls.length == 0) {
                throw new IllegalArgumentException("callTools needs at least one tool call");
            }
            toolSteps.put(steps.size(), List.of(calls));
            steps.add(request -> "");
            return this;
        }

        /** Adds one call that fails with a {@link PolisException} carrying {@code message}. */
        public Builder failure(String message) {
            steps.add(request -> {
                throw new PolisException(message);
            });
            return this;
        }

        /** Answers every call after the scripted replies with a function of the request. */
        public Builder answer(Function<ChatRequest, String> answer) {
            this.fallback = Objects.requireNonNull(answer, "answer");
            return this;
        }

        /** Sets the model name reported in responses (default {@code scripted}). */
        public Builder modelName(String name) {
            this.modelName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the spec reported by {@link ScriptedChatModel#spec()} (default {@code scripted}). */
        public Builder spec(String value) {
            this.spec = Objects.requireNonNull(value, "spec");
            return this;
        }

        /** Waits this long before each streamed piece, to simulate a slow model. */
        public Builder pieceDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("pieceDelay must not be negative but was " + delay);
            }
            this.pieceDelay = delay;
            return this;
        }

        /** Returns the model. */
        public ScriptedChatModel build() {
            return new ScriptedChatModel(this);
        }
    }
}
