package dev.polis.openai.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives one HTTP response line by line and lets the calling thread wait for it with timeouts.
 *
 * <p>It is the response's body handler: the status and headers arrive first ({@link #awaitHeaders}), then each
 * line of the body ({@link #nextLine}), each wait bounded by a timeout and interruptible. {@link #abort} ends
 * every wait at once, which is how a call is cancelled.
 */
final class ResponseLines implements HttpResponse.BodyHandler<Void>, Flow.Subscriber<String> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch headers = new CountDownLatch(1);
    private volatile HttpResponse.ResponseInfo info;
    private volatile Throwable failure;
    private volatile Flow.Subscription subscription;

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo responseInfo) {
        this.info = responseInfo;
        headers.countDown();
        return HttpResponse.BodySubscribers.fromLineSubscriber(this, s -> null, StandardCharsets.UTF_8, null);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        queue.add(line);
    }

    @Override
    public void onError(Throwable error) {
        abort(error);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /** Ends every wait with {@code error} and stops receiving. */
    void abort(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        queue.add(error);
        headers.countDown();
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Waits for the status and headers. */
    HttpResponse.ResponseInfo awaitHeaders(Duration timeout) throws InterruptedException, TimeoutException, IOException {
        if (!headers.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("no response within " + Texts.seconds(timeout));
        }
        if (info == null) {
            throw asIo(failure);
        }
        return info;
    }

    /** Returns the next line of the body, or {@code null} at its end. */
    String nextLine(Duration idle) throws InterruptedException, TimeoutException, IOException {
        Object next = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new TimeoutException("no data for " + Texts.seconds(idle));
        }
        if (next == END) {
            queue.add(END);
            return null;
        }
        if (next instanceof Throwable error) {
            queue.add(error);
            throw asIo(error);
        }
        return (String) next;
    }

    /** Returns the rest of the body joined by newlines, each line waited for at most {@code idle}. */
    String rest(Duration idle) throws InterruptedException, TimeoutException, IOException {
        StringBuilder body = new StringBuilder();
        for (String line = nextLine(idle); line != null; line = nextLine(idle)) {
            if (!body.isEmpty()) {
                body.append('\n');
            }
            body.append(line);
        }
        return body.toString();
    }

    private static IOException asIo(Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof IOException io ? io : new IOException(cause == null ? "response failed" : cause.toString(), cause);
    }
}
