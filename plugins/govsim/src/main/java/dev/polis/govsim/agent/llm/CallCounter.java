package dev.polis.govsim.agent.llm;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Counts an agent's model calls per simulated month and purpose (the framework model's calls included, when
 * the agent hosts the analyst). Thread-safe.
 */
public final class CallCounter {

    private final Map<Integer, AtomicIntegerArray> months = new ConcurrentHashMap<>();

    /** Counts one call. */
    public void count(int month, CallPurpose purpose) {
        months.computeIfAbsent(month, m -> new AtomicIntegerArray(CallPurpose.values().length))
                .incrementAndGet(purpose.ordinal());
    }

    /** Adds {@code calls} calls at once, for restored state. */
    void add(int month, CallPurpose purpose, int calls) {
        months.computeIfAbsent(month, m -> new AtomicIntegerArray(CallPurpose.values().length))
                .addAndGet(purpose.ordinal(), calls);
    }

    /** Returns the calls of {@code month}. */
    public int total(int month) {
        AtomicIntegerArray counts = months.get(month);
        int sum = 0;
        for (int i = 0; counts != null && i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** Returns the calls of {@code month} by purpose, leaving out purposes with none. */
    public Map<CallPurpose, Integer> byPurpose(int month) {
        Map<CallPurpose, Integer> result = new EnumMap<>(CallPurpose.class);
        AtomicIntegerArray counts = months.get(month);
        for (CallPurpose purpose : CallPurpose.values()) {
            int n = counts == null ? 0 : counts.get(purpose.ordinal());
            if (n > 0) {
                result.put(purpose, n);
            }
        }
        return Map.copyOf(result);
    }

    /** Returns every month's calls by purpose, months in order. */
    public Map<Integer, Map<CallPurpose, Integer>> snapshot() {
        Map<Integer, Map<CallPurpose, Integer>> result = new TreeMap<>();
        months.keySet().forEach(month -> result.put(month, byPurpose(month)));
        return result;
    }
}
