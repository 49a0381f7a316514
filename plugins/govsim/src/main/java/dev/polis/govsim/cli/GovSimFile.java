package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.host.SettingsFactory;
import dev.polis.govsim.sweep.SocietySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional configuration file of {@code polis govsim --config} (YAML or JSON): societies with per-agent members
 * (each member a policy or {@code llm:<model spec>}), settings of the LLM agents, and defaults for scenarios,
 * experiments and seeds.
 *
 * <p>A member is a spec string, or {@code {member: <spec>, settings: {...}}} to give that LLM member its own
 * {@code govsim.llm} settings. Settings apply in this order, a later one winning: the file's
 * {@code agentSettings}, the society's {@code agentSettings}, the member's {@code settings}, then
 * {@code --agent-setting} on the command line. Settings apply to LLM members only.
 *
 * @param societies     the societies to sweep
 * @param scenarios     scenario ids, or {@code null}
 * @param experiments   experiment ids, or {@code null}
 * @param seeds         seeds, or {@code null}
 * @param agentSettings settings of every LLM member, or {@code null}
 * @param prompts       a prompt pack folder (relative to the file's folder) for the environment and every LLM
 *                      member, or {@code null}; {@code --prompts} wins over it
 */
public record GovSimFile(List<SocietyEntry> societies, List<String> scenarios, List<String> experiments,
                         List<Long> seeds, Map<String, Object> agentSettings, String prompts) {

    /**
     * One society in the file.
     *
     * @param name          its label
     * @param members       one entry per persona: a spec string or {@code {member, settings}}
     * @param agentSettings settings of this society's LLM members, or {@code null}
     */
    public record SocietyEntry(String name, List<Object> members, Map<String, Object> agentSettings) {

        /** Returns the society, each LLM member with its merged settings over {@code fileSettings}. */
        public SocietySpec toSociety(Map<String, Object> fileSettings) {
            if (members == null || members.isEmpty()) {
                throw new InvalidInputException("--config: society '" + name + "' has no members");
            }
            List<String> specs = new ArrayList<>();
            List<Map<String, Object>> settings = new ArrayList<>();
            for (Object entry : members) {
                String spec = spec(entry);
                Map<?, ?> own = ownSettings(entry, spec);
                Map<String, Object> merged = new LinkedHashMap<>();
                if (spec.startsWith("llm")) {
                    addAll(merged, fileSettings);
                    addAll(merged, agentSettings);
                    own.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
                specs.add(spec);
                settings.add(merged);
            }
            return new SocietySpec(name, specs, settings);
        }

        private String spec(Object entry) {
            if (entry instanceof String text) {
                return text.trim();
            }
            if (entry instanceof Map<?, ?> map && map.get("member") instanceof String text
                    && map.keySet().stream().allMatch(k -> "member".equals(k) || "settings".equals(k))) {
                return text.trim();
            }
            throw new InvalidInputException("--config: society '" + name + "': member " + entry
                    + " should be a spec string or {member: <spec>, settings: {key: value}}");
        }

        private Map<?, ?> ownSettings(Object entry, String spec) {
            Object own = entry instanceof Map<?, ?> map ? map.get("settings") : null;
            if (own == null) {
                return Map.of();
            }
            if (!(own instanceof Map<?, ?> ownMap)) {
                throw new InvalidInputException("--config: society '" + name + "', member '" + spec
                        + "': settings must be a mapping of key: value");
            }
            if (!spec.startsWith("llm")) {
                throw new InvalidInputException("--config: society '" + name + "', member '" + spec
                        + "': settings apply to llm:<model spec> members only");
            }
            return ownMap;
        }

        private static void addAll(Map<String, Object> into, Map<String, Object> from) {
            if (from != null) {
                into.putAll(from);
            }
        }
    }

    /** Returns the file's societies with their members' settings. */
    public List<SocietySpec> toSocieties() {
        return societies == null ? List.of() : societies.stream().map(s -> s.toSociety(agentSettings)).toList();
    }

    /**
     * Reads the file the way the host reads configuration ({@code ${NAME}} substituted from the environment, unknown
     * keys refused with their file and line).
     *
     * @throws InvalidInputException when it is missing or malformed
     */
    public static GovSimFile read(Path file, SettingsFactory settings) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--config " + file + ": no such file");
        }
        try {
            GovSimFile read = settings.read(file).bind(GovSimFile.class);
            if (read.prompts() == null || read.prompts().isBlank()) {
                return read;
            }
            Path folder = file.toAbsolutePath().getParent().resolve(read.prompts().trim()).normalize();
            return new GovSimFile(read.societies(), read.scenarios(), read.experiments(), read.seeds(),
                    read.agentSettings(), folder.toString());
        } catch (InvalidInputException e) {
            // the host's message starts with the file and line: govsim.yaml:4:7: societies[0].size: unknown field ...
            throw new InvalidInputException("--config: " + e.getMessage().lines().findFirst().orElse("")
                    + " (expected keys: societies[{name, members, agentSettings}], scenarios, experiments, seeds,"
                    + " agentSettings, prompts)", e);
        }
    }
}
