package dev.polis.core.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.chat.ToolCallFragment;

/**
 * Wraps a {@link ChatModel} so that every call is appended to a {@link CallLog} as it ends.
 *
 * <p>Each call gives one {@link CallRecord}: the request, the response or the error, the start time, the
 * duration, the time to the first streamed piece, and the model spec with its secrets removed
 * ({@link SpecRedaction}). A call that fails is recorded and its exception rethrown unchanged. Thread-safe
 * when the wrapped model is. Closing this model closes the wrapped one but not the log, which belongs to the
 * run and is shared by its models.
 *
 * <pre>{@code
 * try (CallLog log = CallLog.inRunFolder(runFolder)) {
 *     ChatModel model = RecordingChatModel.wrap(provider.create(spec), spec, log);
 *     ...
 * }
 * }</pre>
 */
public final class RecordingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final ModelSpec spec;
    private final CallLog log;
    private final Clock clock;
    private AutoCloseable lease = () -> { };

    /** Creates a recording wrapper; {@code spec} is the spec {@code delegate} was created from. */
    public RecordingChatModel(ChatModel delegate, ModelSpec spec, CallLog log, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spec = SpecRedaction.redact(Objects.requireNonNull(spec, "spec"));
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns {@code delegate} wrapped so that its calls are appended to {@code log}. */
    public static RecordingChatModel wrap(ChatModel delegate, ModelSpec spec, CallLog log) {
        return new RecordingChatModel(delegate, spec, log, Clock.systemUTC());
    }

    /** Returns {@code delegate} wrapped so that its calls are appended to {@code log}; closing it then closes {@code lease}. */
    public static RecordingChatModel wrap(ChatModel delegate, ModelSpec spec, CallLog log, AutoCloseable lease) {
        RecordingChatModel model = new RecordingChatModel(delegate, spec, log, Clock.systemUTC());
        model.lease = Objects.requireNonNull(lease, "lease");
        return model;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Call call = new Call(false);
        try {
            return call.succeeded(request, delegate.chat(request));
        } catch (RuntimeException e) {
            throw call.failed(request, e);
        }
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        Call call = new Call(true);
        ChatStreamListener timing = new ChatStreamListener() {
            @Override
            public void onText(String piece) {
                call.firstToken.compareAndSet(-1, System.nanoTime());
                listener.onText(piece);
            }

            @Override
            public void onToolCallFragment(ToolCallFragment fragment) {
                call.firstToken.compareAndSet(-1, System.nanoTime());
                listener.onToolCallFragment(fragment);
            }

            @Override
            public void onComplete(ChatResponse response) {
                listener.onComplete(response);
            }

            @Override
            public void onError(Throwable error) {
                listener.onError(error);
            }
        };
        try {
            return call.succeeded(request, delegate.stream(request, timing));
        } catch (RuntimeException e) {
            throw call.failed(request, e);
        }
    }

    @Override
    public String spec() {
        return delegate.spec();
    }

    /** Returns the wrapped model. */
    public ChatModel delegate() {
        return delegate;
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            Leases.release(lease);
        }
    }

    /** The timing of one call, from its start to its record. */
    private final class Call {

        private final long seq = log.nextSequence();
        private final Instant startedAt = clock.instant();
        private final long start = System.nanoTime();
        private final boolean streamed;
        private final AtomicLong firstToken = new AtomicLong(-1);

        Call(boolean streamed) {
            this.streamed = streamed;
        }

        ChatResponse succeeded(ChatRequest request, ChatResponse response) {
            log.append(record(request, response, null));
            return response;
        }

        RuntimeException failed(ChatRequest request, RuntimeException error) {
            try {
                log.append(record(request, null, CallError.of(error)));
            } catch (RuntimeException logFailure) {
                error.addSuppressed(logFailure);
            }
            return error;
        }

        private CallRecord record(ChatRequest request, ChatResponse response, CallError error) {
            long end = System.nanoTime();
            long first = firstToken.get();
            Long firstTokenMs = streamed && first >= 0 ? TimeUnit.NANOSECONDS.toMillis(first - start) : null;
            return new CallRecord(seq, spec.toString(), spec.options(), startedAt.toString(),
                    TimeUnit.NANOSECONDS.toMillis(end - start), firstTokenMs, streamed, request, response, error);
        }
    }
}
