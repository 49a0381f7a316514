package dev.polis.govsim.sweep;

import dev.polis.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A named group of agents that plays together: a row of the summary table (the paper's "model").
 *
 * <p>Each member is a policy spec ({@code sustainable}, {@code fixed:10}, ...) or an LLM spec {@code llm:<model spec>}
 * ({@code llm:openai:http://127.0.0.1:11434/v1#qwen2.5:7b}). In the newcomer experiment the last member is the newcomer.
 *
 * @param name    the label shown in tables
 * @param members one spec per persona, in persona order
 */
public record Society(String name, List<String> members) {

    /** Checks the components. */
    public Society {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("a society needs a name");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new InvalidInputException("society '" + name + "' has no members");
        }
    }

    /**
     * Parses {@code name=member,member*4,...}: {@code spec*k} repeats a member k times; without {@code name=} the spec
     * text is the name. A single member is repeated to 5.
     */
    public static Society parse(String text) {
        String trimmed = text.trim();
        int eq = trimmed.indexOf('=');
        String name = eq < 0 ? trimmed : trimmed.substring(0, eq).trim();
        String body = eq < 0 ? trimmed : trimmed.substring(eq + 1);
        List<String> members = new ArrayList<>();
        for (String part : body.split(",")) {
            String spec = part.trim();
            if (spec.isEmpty()) {
                continue;
            }
            int star = spec.lastIndexOf('*');
            int times = 1;
            if (star > 0) {
                try {
                    times = Integer.parseInt(spec.substring(star + 1).trim());
                    spec = spec.substring(0, star).trim();
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("society '" + text + "': '" + part.trim()
                            + "' should be spec*count, for example sustainable*4");
                }
            }
            for (int i = 0; i < times; i++) {
                members.add(spec);
            }
        }
        if (members.size() == 1) {
            members = java.util.Collections.nCopies(5, members.get(0));
        }
        return new Society(name, members);
    }

    /** Returns whether any member is an LLM agent. */
    public boolean usesModels() {
        return members.stream().anyMatch(m -> m.startsWith("llm"));
    }
}
