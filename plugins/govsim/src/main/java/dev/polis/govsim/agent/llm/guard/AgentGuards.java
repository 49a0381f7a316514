package dev.polis.govsim.agent.llm.guard;

import java.util.LinkedHashMap;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.UnknownExtensionException;
import dev.polis.api.run.RunContext;

/**
 * Opens the guard an LLM agent's {@code guards} setting configures: a block naming its provider in {@code guard}
 * (default {@code guard.chain}, from the guards plugin) with that provider's settings beside it, for example
 * {@code guards: {guards: [{id: spotlight}, {id: injection}]}}. Errors name the setting.
 */
public final class AgentGuards {

    /** The provider used when the block names none. */
    public static final String DEFAULT_PROVIDER = "guard.chain";

    private AgentGuards() {
    }

    /** Returns the guard {@code block} configures for {@code run}; the caller closes it. */
    public static Guard open(Object block, Extensions extensions, RunContext run) {
        if (!(block instanceof Map<?, ?> map)) {
            throw new InvalidInputException("guards: expected a block such as {guards: [{id: spotlight}, {id: "
                    + "injection}]} but found " + block);
        }
        if (extensions == null) {
            throw new InvalidInputException("guards: no guard providers are available here; run the agent through "
                    + "the polis host with the guards plugin installed");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        String id = String.valueOf(values.getOrDefault("guard", DEFAULT_PROVIDER));
        GuardProvider provider;
        try {
            provider = extensions.get(GuardProvider.class, id);
        } catch (UnknownExtensionException e) {
            throw new InvalidInputException("guards.guard: unknown guard provider '" + id + "' (installed: "
                    + String.join(", ", extensions.ids(GuardProvider.class)) + ")", e);
        }
        try {
            return provider.create(new GuardContext(over(values), run));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("guards." + e.getMessage(), e);
        }
    }

    private static Settings over(Map<String, Object> values) {
        Map<String, Object> copy = java.util.Collections.unmodifiableMap(values);
        return new Settings() {
            @Override
            public Map<String, Object> asMap() {
                return copy;
            }

            @Override
            public <T> T bind(Class<T> type) {
                throw new InvalidInputException("guards: the guard block cannot be bound to " + type.getSimpleName()
                        + "; read its keys instead");
            }
        };
    }
}
