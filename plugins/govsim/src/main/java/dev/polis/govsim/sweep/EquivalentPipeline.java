package dev.polis.govsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.io.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sweep run as the {@code polis run} pipeline that plays it on the same engine: environment
 * {@code govsim.<scenario>} with the run's experiment, horizon and quirk choices, and one agent per seat through
 * its registry provider ({@code govsim.policy.*}, {@code govsim.llm} with its model, or an {@code agent:} member's
 * provider). It is the run folder's {@code config.resolved.yaml}; with another {@code run.id} it plays the run again.
 */
final class EquivalentPipeline {

    private EquivalentPipeline() {
    }

    /**
     * Returns the pipeline as YAML (values written as JSON scalars and maps, which YAML reads as they are).
     *
     * @param members  each seat's member spec, in persona order, after the newcomer's substitution
     * @param settings each seat's member settings
     * @param runs     the folder the sweep's run folders are in (the pipeline's {@code run.output})
     */
    static String yaml(RunSpec spec, GovSimConfig config, List<String> members, List<Map<String, Object>> settings,
                       java.nio.file.Path runs) {
        StringBuilder yaml = new StringBuilder("# polis govsim wrote this run; `polis run` of this file (with another"
                + " run.id) plays it again on the same engine\n");
        yaml.append("run:\n  id: ").append(json(spec.id())).append("\n  seed: ").append(spec.seed())
                .append("\n  steps: ").append(config.horizon() * (config.maxConversationEntries() + 7) + 1)
                .append("\n  output: ").append(json(runs.toAbsolutePath().toString())).append('\n');
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("experiment", spec.experiment().id());
        env.put("horizon", config.horizon());
        env.put("initial_pool", config.initialPool());
        env.put("capacity", config.capacity());
        env.put("collapse_rule", config.collapseRule().name().toLowerCase(java.util.Locale.ROOT));
        env.put("clamp_requests", config.clampRequests());
        env.put("fixed_initial_threshold", config.fixedInitialThreshold());
        config.prompts().ifPresent(folder -> env.put("prompts", folder.toAbsolutePath().toString()));
        yaml.append("environment:\n  id: govsim.").append(spec.scenario().id()).append("\n  settings: ")
                .append(json(env)).append("\nagents:\n");
        for (int i = 0; i < members.size(); i++) {
            SeatSpec seat = SeatSpec.of(members.get(i), settings.get(i));
            String provider = seat.provider();
            String model = seat.model();
            Map<String, Object> memberSettings = seat.settings();
            yaml.append("  - id: persona_").append(i).append("\n    provider: ").append(provider).append('\n');
            if (model != null) {
                yaml.append("    model: ").append(json(model)).append('\n');
            }
            if (!memberSettings.isEmpty()) {
                yaml.append("    settings: ").append(json(memberSettings)).append('\n');
            }
        }
        return yaml.toString();
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as YAML", e);
        }
    }
}
