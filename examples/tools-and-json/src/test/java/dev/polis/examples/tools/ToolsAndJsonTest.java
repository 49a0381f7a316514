package dev.polis.examples.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.FinishReason;
import dev.polis.core.Polis;
import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example against a random-weight checkpoint made by {@code polis model init}, given Qwen2.5's official chat
 * template: the forced call names the tool with schema-valid arguments, the answer follows the tool's result, and
 * the forecast is JSON that follows its schema.
 */
class ToolsAndJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRandomModelCallsTheToolAnswersAndWritesSchemaValidJson(@TempDir Path temp) throws IOException {
        Path model = checkpoint(temp);
        ToolsAndJson.Outcome outcome;
        try (Polis polis = Polis.open(); ChatModel chat = polis.chatModel("local:" + model)) {
            outcome = ToolsAndJson.run(chat);
        }

        assertThat(outcome.call().name()).isEqualTo("get_weather");
        JsonNode arguments = JSON.readTree(outcome.call().arguments());
        assertThat(arguments.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("city");
        assertThat(arguments.path("city").asText().length()).isBetween(1, 20);
        assertThat(outcome.answer().finishReason()).isIn(FinishReason.STOP, FinishReason.LENGTH);

        JsonNode forecast = JSON.readTree(outcome.forecast());
        assertThat(forecast.path("city").isTextual()).isTrue();
        assertThat(forecast.path("celsius").isInt()).isTrue();
        assertThat(forecast.path("celsius").asInt()).isBetween(-50, 60);
        assertThat(forecast.path("sky").asText()).isIn("sunny", "cloudy", "rain");
        assertThat(forecast.size()).isEqualTo(3);
    }

    /** Makes a tiny random checkpoint with {@code polis model init} and gives it Qwen2.5's chat template. */
    private static Path checkpoint(Path temp) throws IOException {
        Path arch = Files.writeString(temp.resolve("arch.json"), """
                {"model_type": "qwen2", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 4096,
                 "tie_word_embeddings": true, "seed": 5, "init_std": 0.5}
                """);
        Path model = temp.resolve("model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(PolisCli.execute(new String[] {"model", "init", "--arch", arch.toString(), model.toString()},
                print, print)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        try (InputStream in = ToolsAndJsonTest.class.getResourceAsStream("/templates/qwen2.5.jinja")) {
            Files.write(model.resolve("chat_template.jinja"), in.readAllBytes());
        }
        return model;
    }
}
