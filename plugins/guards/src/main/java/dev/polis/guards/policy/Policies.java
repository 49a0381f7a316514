package dev.polis.guards.policy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;

/**
 * The policy of a conversation's higher-privilege messages (SYSTEM and DEVELOPER), read once per distinct text: a
 * guard sees the same system prompt with every message of a run.
 */
public final class Policies {

    private static final int MAX_CACHED = 256;
    private static final Map<String, Policy> CACHE = new ConcurrentHashMap<>();

    private Policies() {
    }

    /** Returns the policy of the SYSTEM and DEVELOPER messages in {@code context} ({@link Policy#NONE} if none). */
    public static Policy of(List<Message> context) {
        String instructions = context.stream().filter(m -> m.privilege().compareTo(Privilege.DEVELOPER) >= 0)
                .map(Message::content).collect(Collectors.joining("\n"));
        return of(instructions);
    }

    /** Returns the policy of {@code instructions}, read once per distinct text. */
    public static Policy of(String instructions) {
        if (instructions.isBlank()) {
            return Policy.NONE;
        }
        Policy cached = CACHE.get(instructions);
        if (cached == null) {
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            cached = PolicyReader.read(instructions);
            CACHE.put(instructions, cached);
        }
        return cached;
    }
}
