package dev.polis.guards.judge;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;

/**
 * Asks a chat model whether a text is an attack on the application's instructions, within a timeout. Any failure,
 * a timeout or an unreadable answer is a {@link JudgeFailure}; the caller decides how to fail (closed for TOOL
 * content). Thread-safe; closing it closes the model.
 */
public final class LlmJudge implements AutoCloseable {

    private final ChatModel model;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "polis-guard-judge");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong asked = new AtomicLong();

    /** Creates a judge over {@code model}, waiting at most {@code timeout} for each answer. */
    public LlmJudge(ChatModel model, Duration timeout) {
        this.model = Objects.requireNonNull(model, "model");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Returns whether the judge takes {@code text}, arriving with {@code privilege} under the instructions in
     * {@code context}, for an attack.
     *
     * @throws JudgeFailure when the model fails, runs past the timeout or answers neither ATTACK nor BENIGN
     */
    public boolean attack(String text, Privilege privilege, List<Message> context) {
        asked.incrementAndGet();
        Future<String> answer = calls.submit(() -> model.chat(JudgePrompt.of(text, privilege, context)).text());
        try {
            return JudgePrompt.attack(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new JudgeFailure("the judge " + model.spec() + " gave no answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            throw new JudgeFailure("the judge " + model.spec() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeFailure("interrupted while waiting for the judge " + model.spec(), e);
        }
    }

    /** Returns how many times the judge was asked. */
    public long asked() {
        return asked.get();
    }

    @Override
    public void close() {
        calls.shutdownNow();
        model.close();
    }
}
