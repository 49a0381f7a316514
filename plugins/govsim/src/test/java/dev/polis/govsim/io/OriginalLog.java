package dev.polis.govsim.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code log_env.json} files in the original's layout (pandas records: harvesting rows with float pool
 * columns, a Mayor utterance per month) and, optionally, the run's {@code .hydra/config.yaml}, for import tests.
 */
public final class OriginalLog {

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private int pool = 100;

    /** Adds a month in which agent i takes {@code takes[i]} (all granted); the pool doubles after it, capped at 100. */
    public OriginalLog month(int... takes) {
        int round = rows.isEmpty() ? 0 : (int) rows.get(rows.size() - 1).get("round") + 1;
        int total = 0;
        for (int t : takes) {
            total += t;
        }
        int after = Math.max(0, pool - total);
        for (int i = 0; i < takes.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agent_id", "persona_" + i);
            row.put("round", round);
            row.put("action", "harvesting");
            row.put("resource_in_pool_before_harvesting", (double) pool);
            row.put("resource_in_pool_after_harvesting", (double) after);
            row.put("concurrent_harvesting", true);
            row.put("resource_collected", (double) takes[i]);
            row.put("wanted_resource", (double) takes[i]);
            row.put("html_interactions", "");
            rows.add(row);
        }
        Map<String, Object> mayor = new LinkedHashMap<>();
        mayor.put("agent_id", "framework");
        mayor.put("agent_name", "Mayor");
        mayor.put("round", round);
        mayor.put("action", "utterance");
        mayor.put("utterance", "Ladies and gentlemen, the monthly report.");
        mayor.put("resource_limit", null);
        rows.add(mayor);
        pool = Math.min(100, after * 2);
        return this;
    }

    /** Adds the same month {@code count} times. */
    public OriginalLog months(int count, int... takes) {
        for (int i = 0; i < count; i++) {
            month(takes);
        }
        return this;
    }

    /** Returns the rows, to change one before writing. */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** Writes the rows as {@code folder/log_env.json} and returns the folder. */
    public Path writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Json.write(folder.resolve("log_env.json"), rows, false);
        return folder;
    }

    /** Writes the run's {@code .hydra/config.yaml} as the original does (the fields an import reads, and others). */
    public static void hydra(Path folder, String scenario, String envName, String model, long seed) throws IOException {
        Path hydra = Files.createDirectories(folder.resolve(".hydra"));
        Files.writeString(hydra.resolve("config.yaml"), """
                experiment:
                  name: %s_${code_version}/${group_name}
                  scenario: %s
                  env:
                    name: %s
                    max_num_rounds: 12
                    initial_resource_in_pool: 100
                  agent:
                    converse:
                      inject_resource_observation: ${experiment.env.observation_other_agents_harvesting}
                code_version: v7.0
                llm:
                  path: %s
                  is_api: true
                  temperature: 0.0
                mix_llm: []
                seed: %d
                """.formatted(scenario, scenario, envName, model, seed));
    }
}
