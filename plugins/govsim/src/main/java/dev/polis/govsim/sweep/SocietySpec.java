package dev.polis.govsim.sweep;

import dev.polis.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named group of agents that plays together: a row of the summary table (the paper's "model").
 *
 * <p>Each member is a policy spec ({@code sustainable}, {@code fixed:10}, ...) or an LLM spec {@code llm:<model spec>}
 * ({@code llm:openai:http://127.0.0.1:11434/v1#qwen2.5:7b}). In the newcomer experiment the last member is the newcomer.
 *
 * <p>An LLM member may carry settings of the {@code govsim.llm} agent ({@code rateImportance}, {@code prompts},
 * {@code frameworkModel}, ...); they are recorded in each run's {@code spec.json}.
 *
 * @param name     the label shown in tables
 * @param members  one spec per persona, in persona order
 * @param settings one settings map per member, in member order (empty for a policy or an LLM member on defaults)
 */
public record SocietySpec(String name, List<String> members, List<Map<String, Object>> settings) {

    /** Checks the components; {@code null} settings mean none for every member. */
    public SocietySpec {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("a society needs a name");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new InvalidInputException("society '" + name + "' has no members");
        }
        if (settings == null || settings.isEmpty()) {
            settings = Collections.nCopies(members.size(), Map.of());
        }
        if (settings.size() != members.size()) {
            throw new InvalidInputException("society '" + name + "' has " + members.size() + " members but "
                    + settings.size() + " settings maps");
        }
        settings = settings.stream().map(m -> m == null ? Map.<String, Object>of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }

    /** Creates a society whose members have no settings. */
    public SocietySpec(String name, List<String> members) {
        this(name, members, null);
    }

    /** Returns the settings of member {@code index}. */
    public Map<String, Object> settingsOf(int index) {
        return settings.get(index);
    }

    /**
     * Returns a copy in which every LLM member's settings are overlaid with {@code overrides} (a key there wins);
     * policy members are left without settings.
     */
    public SocietySpec withLlmSettings(Map<String, ?> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        List<Map<String, Object>> merged = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> map = new LinkedHashMap<>(settings.get(i));
            if (members.get(i).startsWith("llm")) {
                map.putAll(overrides);
            }
            merged.add(map);
        }
        return new SocietySpec(name, members, merged);
    }

    /**
     * Parses {@code name=member,member*4,...}: {@code spec*k} repeats a member k times; without {@code name=} the spec
     * text is the name. A single member is repeated to 5.
     */
    public static SocietySpec parse(String text) {
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
            members = Collections.nCopies(5, members.get(0));
        }
        return new SocietySpec(name, members);
    }

    /** The prefix of a member played by any agent provider of the registry: {@code agent:<provider id>}. */
    public static final String AGENT_PREFIX = "agent:";

    /** Returns whether any member is an LLM agent. */
    public boolean usesModels() {
        return members.stream().anyMatch(m -> m.startsWith("llm"));
    }
}
