package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ChatModel;
import dev.polis.core.Polis;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code structuredHarvest: true} asks each harvest as a JSON schema answer: a random-weight checkpoint made by
 * {@code polis model init}, played as a {@code local:} model, gives a readable amount in every answer with it (the
 * runtime's constrained decoder holds it to the schema) and none without it, and the run records both counts; served
 * by the openai plugin's server on loopback and asked through the openai client, the schema travels as
 * {@code response_format} and holds the answers alike.
 */
@Timeout(300)
class StructuredHarvestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static Path model;
    private static Path structuredRun;
    private static Path textRun;

    @BeforeAll
    static void initModel() throws IOException {
        Path arch = Files.writeString(temp.resolve("arch.json"), """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 8192,
                 "tie_word_embeddings": true, "seed": 11, "init_std": 0.5}
                """);
        model = temp.resolve("model");
        CliRuns.polisOk("model", "init", "--arch", arch.toString(), model.toString());
        structuredRun = play("structured", "--agent-setting", "structuredHarvest=true");
        textRun = play("text");
    }

    @Test
    void everyStructuredAnswerOfARandomModelIsReadAndNoFreeTextOneIs() throws IOException {
        List<JsonNode> structured = harvests(structuredRun);
        List<JsonNode> text = harvests(textRun);

        assertThat(structured).hasSize(5).allSatisfy(e -> {
            assertThat(e.path("format").asText()).isEqualTo("json_schema");
            assertThat(e.path("status").asText()).as(e.path("raw").asText()).isEqualTo("PARSED");
            JsonNode answer = JSON.readTree(e.path("raw").asText());
            assertThat(answer.path("amount").asInt()).isEqualTo(e.path("amount").asInt()).isBetween(0, 100);
        });
        assertThat(text).hasSize(5).allSatisfy(e -> {
            assertThat(e.path("format").asText()).isEqualTo("text");
            assertThat(e.path("status").asText()).isIn("NO_MARKER", "NO_NUMBER");
            assertThat(e.path("amount").asInt()).isZero();
        });
    }

    @Test
    void theHarvestCallCarriesTheSchemaAndOtherCallsStayFreeText() throws IOException {
        List<JsonNode> calls = CliRuns.jsonLines(structuredRun.resolve("calls.jsonl"));
        List<JsonNode> harvest = calls.stream()
                .filter(c -> "harvest".equals(c.path("request").path("metadata").path("phase").asText())).toList();
        assertThat(harvest).hasSize(5).allSatisfy(c -> {
            JsonNode format = c.path("request").path("responseFormat");
            assertThat(format.toString()).contains("JSON_SCHEMA", "\"harvest\"", "\"amount\"", "\"maximum\":100");
        });
        assertThat(calls).filteredOn(c -> !"harvest".equals(c.path("request").path("metadata").path("phase").asText()))
                .isNotEmpty().allSatisfy(c -> assertThat(c.path("request").has("responseFormat")).isFalse());
    }

    @Test
    void throughTheOpenAiClientAndServerOnLoopbackTheSchemaHoldsTheAnswersAlike() throws IOException {
        List<JsonNode> served;
        try (Polis polis = Polis.open(); ChatModel local = polis.chatModel("local:" + model);
             ChatCompletionsServer server = ChatCompletionsServer.start(local, "tiny",
                     new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS)) {
            served = harvests(playOn("served", "openai:" + server.baseUrl() + "#tiny",
                    "--agent-setting", "structuredHarvest=true"));
        }
        assertThat(served).hasSize(5).allSatisfy(e -> assertThat(e.path("status").asText()).isEqualTo("PARSED"));
        assertThat(byAgent(served)).isEqualTo(byAgent(harvests(structuredRun)));
    }

    private static Path play(String name, String... extra) throws IOException {
        return playOn(name, "local:" + model, extra);
    }

    private static Path playOn(String name, String spec, String... extra) throws IOException {
        Path out = temp.resolve(name);
        List<String> args = new ArrayList<>(List.of("govsim", "--model", spec, "-s", "fishery",
                "--seeds", "1", "--months", "1", "-j", "1", "-o", out.toString(),
                "--agent-setting", "rateImportance=false", "--agent-setting", "maxTokens=24"));
        args.addAll(List.of(extra));
        CliRuns.polisOk(args.toArray(String[]::new));
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static List<JsonNode> harvests(Path run) throws IOException {
        return CliRuns.jsonLines(run.resolve("events.jsonl")).stream()
                .filter(e -> "govsim.llm.harvest".equals(e.path("type").asText())).toList();
    }

    /** Returns each agent's raw harvest answer (agents answer in parallel, so events come in any order). */
    private static java.util.Map<String, String> byAgent(List<JsonNode> harvests) {
        java.util.Map<String, String> answers = new java.util.TreeMap<>();
        harvests.forEach(e -> answers.put(e.path("agent").asText(), e.path("raw").asText()));
        return answers;
    }

}
