package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis govsim} with LLM agents through the real launcher: against an OpenAI-compatible server on loopback,
 * recorded to {@code calls.jsonl} and replayed, with agent settings from the command line and the config file.
 */
@Timeout(120)
class GovSimLlmCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int polis(String... args) {
        stdout.reset();
        stderr.reset();
        return PolisCli.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private void polisOk(String... args) {
        assertThat(polis(args)).as(stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    /** Returns the only run folder of the sweep in {@code sweep}. */
    private static Path onlyRun(Path sweep) throws IOException {
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            List<Path> list = runs.toList();
            assertThat(list).hasSize(1);
            return list.getFirst();
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    private static List<JsonNode> harvestRows(Path run) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(run.resolve("log_env.json").toFile()).forEach(row -> {
            if ("harvesting".equals(row.path("action").asText())) {
                rows.add(row);
            }
        });
        return rows;
    }

    @Test
    void llmAgentsPlayAgainstAnOpenAiCompatibleServerWithEveryCallAndEventRecorded() throws IOException {
        try (ServedGovSimModel served = new ServedGovSimModel(name -> "Ten keeps the lake full. Answer: 10 tons")) {
            polisOk("govsim", "--model", served.spec(), "-s", "fishery", "--seeds", "1", "--months", "2", "-j", "1",
                    "-o", out.toString());

            Path run = onlyRun(out);
            assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("1 runs", "Surv. rate");
            List<JsonNode> calls = lines(run.resolve("calls.jsonl"));
            // 53 calls per month with 5 agents and default settings: 5 harvests, 6 chat lines, 10 chat thoughts,
            // 5 insight calls, 2 framework calls, 25 importance ratings.
            assertThat(calls).hasSize(2 * 53);
            assertThat(served.calls()).isEqualTo(2 * 53);
            assertThat(calls).allSatisfy(c -> assertThat(c.path("spec").asText()).isEqualTo(served.spec()));
            assertThat(calls.stream().map(c -> c.path("request").path("metadata").path("phase").asText()).distinct())
                    .containsExactlyInAnyOrder("harvest", "utterance", "chat_thought", "insights", "summary",
                            "agreed_limit", "importance");

            List<JsonNode> events = lines(run.resolve("events.jsonl"));
            List<JsonNode> counted = ofType(events, "govsim.llm.calls");
            assertThat(counted).hasSize(2 * 5);
            assertThat(counted.stream().mapToInt(e -> e.path("calls").asInt()).sum()).isEqualTo(2 * 53);
            assertThat(ofType(events, "govsim.llm.harvest")).hasSize(2 * 5)
                    .allSatisfy(e -> assertThat(e.path("status").asText()).isEqualTo("PARSED"));
            assertThat(ofType(events, "govsim.month")).hasSize(2);
            assertThat(harvestRows(run)).hasSize(10).allSatisfy(row -> {
                assertThat(row.path("wanted_resource").asInt()).isEqualTo(10);
                assertThat(row.path("parse_status").asText()).isEqualTo("PARSED");
            });
            assertThat(JSON.readTree(run.resolve("metrics.json").toFile()).path("survival_months").asDouble())
                    .isEqualTo(2.0);
        }
    }

    @Test
    void aRecordedRunReplayedFromItsCallLogGivesTheSameHarvestsAndMetrics() throws IOException {
        Path recorded = out.resolve("recorded");
        Path replayed = out.resolve("replayed");
        try (ServedGovSimModel served = new ServedGovSimModel(
                name -> "John".equals(name) ? "Answer: 14 tons" : "Answer: " + (6 + name.length()) + " tons")) {
            polisOk("govsim", "--model", served.spec(), "-s", "pasture", "--seeds", "3", "--months", "3", "-o",
                    recorded.toString());
            int served0 = served.calls();
            Path log = onlyRun(recorded).resolve("calls.jsonl");

            polisOk("govsim", "--model", "replay:" + log, "-s", "pasture", "--seeds", "3", "--months", "3", "-o",
                    replayed.toString());

            assertThat(served.calls()).as("the replay asks no server").isEqualTo(served0);
        }
        Path a = onlyRun(recorded);
        Path b = onlyRun(replayed);
        Map<?, ?> metricsA = JSON.readValue(a.resolve("metrics.json").toFile(), Map.class);
        Map<?, ?> metricsB = JSON.readValue(b.resolve("metrics.json").toFile(), Map.class);
        assertThat(metricsA).isNotEmpty();
        assertThat(metricsB).isEqualTo(metricsA);
        List<String> harvestsA = harvestRows(a).stream().map(GovSimLlmCliTest::harvest).toList();
        assertThat(harvestsA).hasSize(15).contains("0:persona_0:14");
        assertThat(harvestRows(b).stream().map(GovSimLlmCliTest::harvest).toList()).isEqualTo(harvestsA);
        assertThat(lines(b.resolve("calls.jsonl"))).hasSameSizeAs(lines(a.resolve("calls.jsonl")));
        assertThat(ofType(lines(b.resolve("events.jsonl")), "govsim.utterance").stream().map(e -> e.path("text"))
                .toList()).isEqualTo(ofType(lines(a.resolve("events.jsonl")), "govsim.utterance").stream()
                .map(e -> e.path("text")).toList());
    }

    private static String harvest(JsonNode row) {
        return row.path("round").asInt() + ":" + row.path("agent_id").asText() + ":" + row.path("wanted_resource")
                .asInt() + (row.path("resource_collected").asInt() == row.path("wanted_resource").asInt() ? ""
                : "->" + row.path("resource_collected").asInt());
    }

    @Test
    void malformedAnswersAreRecordedWithTheirParseStatus() throws IOException {
        Map<String, String> answers = Map.of("John", "I'll take ten.", "Kate", "Answer: -5 tons",
                "Jack", "Answer: 99999999999 tons", "Emma", "Answer: 1,000 tons", "Luke", "Answer: 7.5 tons");
        try (ServedGovSimModel served = new ServedGovSimModel(answers::get)) {
            polisOk("govsim", "--model", served.spec(), "-s", "fishery", "--seeds", "1", "-o", out.toString());
        }
        Path run = onlyRun(out);
        Map<String, String> status = new java.util.TreeMap<>();
        Map<String, Integer> wanted = new java.util.TreeMap<>();
        for (JsonNode row : harvestRows(run)) {
            status.put(row.path("agent_name").asText(), row.path("parse_status").asText());
            wanted.put(row.path("agent_name").asText(), row.path("wanted_resource").asInt());
        }
        assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of("John", "NO_MARKER", "Kate", "SIGN_IGNORED",
                "Jack", "TOO_LARGE", "Emma", "FIRST_DIGIT_GROUP", "Luke", "FRACTION_DROPPED"));
        assertThat(wanted).containsExactlyInAnyOrderEntriesOf(Map.of("John", 0, "Kate", 5, "Jack", Integer.MAX_VALUE,
                "Emma", 1, "Luke", 7));

        List<JsonNode> events = lines(run.resolve("events.jsonl"));
        assertThat(ofType(events, "govsim.harvest")).extracting(e -> e.path("status").asText())
                .containsExactlyInAnyOrder("NO_MARKER", "SIGN_IGNORED", "TOO_LARGE", "FIRST_DIGIT_GROUP",
                        "FRACTION_DROPPED");
        assertThat(ofType(events, "govsim.llm.harvest")).extracting(e -> e.path("raw").asText())
                .containsExactlyInAnyOrderElementsOf(answers.values());
        assertThat(ofType(events, "govsim.month").getFirst().path("collapsed").asBoolean()).isTrue();
    }

    @Test
    void agentSettingsFromTheCommandLineReachEveryLlmAgent() throws IOException {
        try (ServedGovSimModel served = new ServedGovSimModel(name -> "Answer: 10 tons")) {
            polisOk("govsim", "--model", served.spec(), "--agent-setting", "rateImportance=false", "-s", "fishery",
                    "--seeds", "1", "--months", "1", "-o", out.toString());
        }
        List<JsonNode> calls = lines(onlyRun(out).resolve("calls.jsonl"));
        // 22 + U calls per month without importance ratings: U = 6 chat lines here
        assertThat(calls).hasSize(28)
                .noneMatch(c -> "importance".equals(c.path("request").path("metadata").path("phase").asText()));
        assertThat(polis("govsim", "--model", "openai:http://127.0.0.1:1/v1#x", "--agent-setting", "colour=blue",
                "-o", out.resolve("bad").toString())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("colour");
        assertThat(polis("govsim", "--agent-setting", "novalue", "-o", out.resolve("bad").toString())).isEqualTo(2);
    }

    @Test
    void theConfigFileGivesEachLlmMemberItsOwnModelAndSettings() throws IOException {
        try (ServedGovSimModel served = new ServedGovSimModel(name -> "Answer: 10 tons")) {
            Path config = out.resolve("govsim.yaml");
            Files.writeString(config, """
                    agentSettings: {rulesRole: user}
                    societies:
                      - name: mixed
                        members:
                          - "llm:%1$s"
                          - {member: "llm:%1$s", settings: {rateImportance: false}}
                          - sustainable
                          - sustainable
                          - greedy
                    scenarios: [fishery]
                    seeds: [1]
                    """.formatted(served.spec()));
            polisOk("govsim", "--config", config.toString(), "--months", "1", "-o", out.resolve("s").toString());
        }
        Path run = onlyRun(out.resolve("s"));
        List<JsonNode> calls = lines(run.resolve("calls.jsonl"));
        assertThat(calls).extracting(c -> c.path("request").path("metadata").path("agent").asText())
                .containsOnly("persona_0", "persona_1");
        assertThat(calls).filteredOn(c -> "persona_1".equals(c.path("request").path("metadata").path("agent").asText()))
                .isNotEmpty()
                .noneMatch(c -> "importance".equals(c.path("request").path("metadata").path("phase").asText()));
        assertThat(calls).filteredOn(c -> "persona_0".equals(c.path("request").path("metadata").path("agent").asText()))
                .anyMatch(c -> "importance".equals(c.path("request").path("metadata").path("phase").asText()))
                .filteredOn(c -> "harvest".equals(c.path("request").path("metadata").path("phase").asText()))
                .singleElement() // rulesRole: user puts the rules in a user message (the framework's prompts keep theirs)
                .satisfies(c -> assertThat(c.path("request").path("messages").get(0).path("role").asText())
                        .isEqualTo("USER"));
        JsonNode spec = JSON.readTree(run.resolve("spec.json").toFile());
        assertThat(spec.path("society").path("settings").get(1).path("rateImportance").asBoolean(true)).isFalse();
        assertThat(spec.path("society").path("settings").get(2).size()).isZero();
    }
}
