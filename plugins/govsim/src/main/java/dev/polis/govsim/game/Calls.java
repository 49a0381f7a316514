package dev.polis.govsim.game;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Calls every agent of a phase, concurrently when an executor is given, and returns the answers in order. */
final class Calls {

    private Calls() {
    }

    static <T, R> List<R> each(List<T> items, Function<T, R> call, ExecutorService executor) {
        List<R> results = new ArrayList<>(items.size());
        if (executor == null || items.size() < 2) {
            for (T item : items) {
                results.add(call.apply(item));
            }
            return results;
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(executor.submit(() -> call.apply(item)));
        }
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the agents were deciding");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
