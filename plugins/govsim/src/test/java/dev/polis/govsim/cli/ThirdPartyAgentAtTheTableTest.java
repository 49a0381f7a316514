package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.run.RunStatus;
import dev.polis.core.Polis;
import dev.polis.core.pipeline.RunResult;
import dev.polis.testkit.plugin.PluginZip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party agent plugin, loaded from its zip, sits at the GovSim table: it knows nothing of GovSim's
 * classes, reads the harvest observation's plain data, and plays full months beside the registry's policies.
 */
class ThirdPartyAgentAtTheTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String AGENT = """
            package com.thirdparty;
            import dev.polis.api.agent.*;
            import dev.polis.api.env.*;
            import java.util.Map;
            @org.pf4j.Extension
            public class HalfShareProvider implements AgentProvider {
                public String id() { return "thirdparty.half-share"; }
                public Agent create(AgentContext context) {
                    String me = context.agentId();
                    return new Agent() {
                        public String id() { return me; }
                        public Action act(Observation o) {
                            if ("harvest".equals(o.data().get("phase"))) {
                                int pool = ((Number) o.data().get("pool")).intValue();
                                int agents = ((Number) o.data().get("agents")).intValue();
                                return new Action(me, "I take " + pool / (4 * agents), Map.of("harvest", pool / (4 * agents)));
                            }
                            if ("turn".equals(o.data().get("phase"))) {
                                return new Action(me, "Let us keep some fish.", Map.of("utterance",
                                        "Let us keep some fish.", "concludes", true));
                            }
                            return new Action(me, "", Map.of());
                        }
                    };
                }
            }
            """;

    @Test
    void aThirdPartyAgentFromAPluginZipPlaysGovSimMonths(@TempDir Path temp) throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginZip.builder(plugins, "thirdparty").source("com.thirdparty.HalfShareProvider", AGENT).build();
        System.setProperty("polis.plugin.cache", Files.createDirectories(temp.resolve("cache")).toString());
        try (Polis polis = Polis.builder().pluginsDir(plugins).build()) {
            RunResult result = polis.pipeline()
                    .environment("govsim.fishery", Map.of("experiment", "default", "horizon", 2))
                    .agent("persona_0", "govsim.policy.sustainable", Map.of())
                    .agent("persona_1", "thirdparty.half-share", Map.of())
                    .agent("persona_2", "govsim.policy.fixed", Map.of("amount", 10))
                    .seed(3).steps(100).output(temp.resolve("runs")).run();

            assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(result.metrics()).containsEntry("survival_months", 2.0).containsEntry("complete", 1.0);
            // each month the pool is 100 (what is taken doubles back to the cap): the third party, reading pool and
            // agents from the observation, takes 100 / (4 * 3) = 8 twice; sustainable takes 10 (the fixed first
            // threshold), then (100 // 2) // 3 = 16; fixed takes 10 twice
            assertThat(result.metrics()).containsEntry("reward.persona_1", 16.0)
                    .containsEntry("gain", (10 + 8 + 10 + 16 + 8 + 10) / 3.0);
            List<JsonNode> actions = new ArrayList<>();
            for (String line : Files.readAllLines(result.directory().resolve("events.jsonl"))) {
                JsonNode event = JSON.readTree(line);
                if (event.path("type").asText().equals("agent.action")
                        && event.path("agent").asText().equals("persona_1")) {
                    actions.add(event);
                }
            }
            assertThat(actions).anySatisfy(a -> assertThat(a.path("text").asText()).isEqualTo("I take 8"));
            assertThat(actions).anySatisfy(a -> assertThat(a.path("text").asText()).isEqualTo("Let us keep some fish."));
        }
    }

    @Test
    void aThirdPartyAgentSitsAtThePolisGovsimTableThroughTheRegistry(@TempDir Path temp) throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginZip.builder(plugins, "thirdparty").source("com.thirdparty.HalfShareProvider", AGENT).build();
        System.setProperty("polis.plugin.cache", Files.createDirectories(temp.resolve("cache")).toString());
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Path out = temp.resolve("sweep");
        int status = dev.polis.core.cli.PolisCli.execute(new String[] {"--plugins-dir", plugins.toString(), "govsim",
            "--society", "mixed=sustainable*4,agent:thirdparty.half-share", "-s", "fishery", "--seeds", "1",
            "--months", "2", "-o", out.toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true));
        assertThat(status).as(err.toString()).isZero();

        JsonNode run = JSON.readTree(out.resolve("summary.json").toFile()).at("/runs/0");
        assertThat(run.at("/metrics/survival_months").asInt()).isEqualTo(2);
        JsonNode months = JSON.readTree(out.resolve("runs").resolve(run.get("run").asText()).resolve("log_env.json")
                .toFile());
        List<Integer> thirdParty = new ArrayList<>();
        months.forEach(row -> {
            if (row.path("action").asText().equals("harvesting") && row.path("agent_id").asText().equals("persona_4")) {
                thirdParty.add(row.path("resource_collected").asInt());
            }
        });
        assertThat(thirdParty).as("100 / (4 * 5) each month").containsExactly(5, 5);

        assertThat(dev.polis.core.cli.PolisCli.execute(new String[] {"--plugins-dir", plugins.toString(), "govsim",
            "--society", "x=agent:thirdparty.nope*5", "--seeds", "1", "-o", temp.resolve("x").toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("thirdparty.nope", "thirdparty.half-share");
    }
}
