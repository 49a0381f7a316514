package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code choices: constrained} asks every importance rating as a JSON schema answer: a random-weight checkpoint made
 * by {@code polis model init}, played as a {@code local:} model for one month, sends the schema with each rating call
 * and every answer reads as a rating from 1 to 10 (the runtime's constrained decoder holds it to the schema), so no
 * rating is recorded as unreadable; every chat turn likewise carries the turn schema and reads as a conclusion of yes
 * or no and, when the chat goes on, a participant as next speaker.
 */
@Timeout(300)
class ConstrainedChoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static Path model;

    @BeforeAll
    static void makeRandomModel() throws IOException {
        Path arch = Files.writeString(temp.resolve("arch.json"), """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 8192,
                 "tie_word_embeddings": true, "seed": 11, "init_std": 0.5}
                """);
        model = temp.resolve("model");
        CliRuns.polisOk("model", "init", "--arch", arch.toString(), model.toString());
    }

    @Test
    void everyRatingCallOfARandomModelCarriesTheSchemaAndEveryAnswerIsRead() throws IOException {
        Path out = temp.resolve("constrained");
        CliRuns.polisOk("govsim", "--model", "local:" + model, "-s", "fishery", "--seeds", "1", "--months", "1", "-j", "1",
                "-o", out.toString(), "--agent-setting", "maxTokens=24", "--agent-setting", "choices=constrained");
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }

        List<JsonNode> ratings = CliRuns.jsonLines(run.resolve("calls.jsonl")).stream()
                .filter(c -> "importance".equals(c.path("request").path("metadata").path("phase").asText())).toList();
        assertThat(ratings).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("request").path("responseFormat").toString())
                    .contains("JSON_SCHEMA", "\"importance\"", "\"rating\"", "\"minimum\":1", "\"maximum\":10");
            String answer = c.path("response").path("text").asText();
            assertThat(JSON.readTree(answer).path("rating").asInt()).as(c.toString()).isBetween(1, 10);
        });
        assertThat(CliRuns.jsonLines(run.resolve("events.jsonl")))
                .noneMatch(e -> "govsim.llm.importance".equals(e.path("type").asText()));
    }

    @Test
    void everyChatTurnOfARandomModelCarriesTheTurnSchemaAndReadsAsYesOrNoAndAParticipant() throws IOException {
        Path out = temp.resolve("turns");
        CliRuns.polisOk("govsim", "--model", "local:" + model, "-s", "fishery", "--seeds", "1", "--months", "1", "-j", "1",
                "-o", out.toString(), "--agent-setting", "maxTokens=160", "--agent-setting", "choices=constrained");
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        List<String> names = List.of("John", "Kate", "Jack", "Emma", "Luke");
        List<JsonNode> turns = CliRuns.jsonLines(run.resolve("calls.jsonl")).stream()
                .filter(c -> "utterance".equals(c.path("request").path("metadata").path("phase").asText())).toList();
        assertThat(turns).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("request").path("responseFormat").toString())
                    .contains("JSON_SCHEMA", "\"turn\"", "\"conversationOver\"", "[\"yes\",\"no\"]");
            JsonNode answer = JSON.readTree(c.path("response").path("text").asText());
            assertThat(answer.path("conversationOver").asText()).as(c.toString()).isIn("yes", "no");
            assertThat(answer.path("nextSpeaker").asText()).as(c.toString()).isIn(names);
        });
        assertThat(CliRuns.jsonLines(run.resolve("events.jsonl")))
                .noneMatch(e -> "govsim.llm.turn".equals(e.path("type").asText()));
    }
}
