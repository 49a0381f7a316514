package dev.polis.core.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;

/**
 * Wraps an {@link EmbeddingModel} so that every call is appended to a {@link CallLog} as an
 * {@link EmbeddingCallRecord}, so that {@code replay:} can answer a run's embedding calls as well as its chat calls.
 */
public final class RecordingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final ModelSpec spec;
    private final CallLog log;
    private final Clock clock;
    private final AutoCloseable lease;

    private RecordingEmbeddingModel(EmbeddingModel delegate, ModelSpec spec, CallLog log, Clock clock,
                                    AutoCloseable lease) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spec = SpecRedaction.redact(Objects.requireNonNull(spec, "spec"));
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    /** Returns {@code delegate} wrapped so that its calls land in {@code log}; closing it then closes {@code lease}. */
    public static RecordingEmbeddingModel wrap(EmbeddingModel delegate, ModelSpec spec, CallLog log,
                                               AutoCloseable lease) {
        return new RecordingEmbeddingModel(delegate, spec, log, Clock.systemUTC(), lease);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        long seq = log.nextSequence();
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        EmbeddingResponse response;
        try {
            response = delegate.embed(request);
        } catch (RuntimeException e) {
            try {
                log.append(record(seq, startedAt, start, request, null, CallError.of(e)));
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
        log.append(record(seq, startedAt, start, request, response, null));
        return response;
    }

    private EmbeddingCallRecord record(long seq, Instant startedAt, long start, EmbeddingRequest request,
                                       EmbeddingResponse response, CallError error) {
        return new EmbeddingCallRecord(EmbeddingCallRecord.KIND, seq, spec.toString(), spec.options(),
                startedAt.toString(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), request, response,
                error);
    }

    @Override
    public String spec() {
        return delegate.spec();
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            Leases.release(lease);
        }
    }
}
