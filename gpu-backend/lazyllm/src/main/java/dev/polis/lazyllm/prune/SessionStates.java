package dev.polis.lazyllm.prune;

import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import dev.polis.api.inference.LmSession;

/**
 * The {@link AuxCache} of every session of one model, by session identity: the prefill and decode strategies share
 * it, and a session's state goes when the session is no longer referenced (sessions tell no one they close).
 */
public final class SessionStates {

    private final Map<LmSession, AuxCache> states = new WeakHashMap<>();
    private final int layers;

    /** Creates the registry for a model of {@code layers} layers. */
    public SessionStates(int layers) {
        this.layers = layers;
    }

    /** Returns the state of {@code session}, creating it on first use. */
    public synchronized AuxCache of(LmSession session) {
        return states.computeIfAbsent(session, s -> new AuxCache(layers));
    }

    /** Returns the state of {@code session} if it ran through LazyLLM. */
    public synchronized Optional<AuxCache> find(LmSession session) {
        return Optional.ofNullable(states.get(session));
    }
}
