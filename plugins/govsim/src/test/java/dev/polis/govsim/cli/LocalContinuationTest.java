package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code layout: original} and the default {@code prefill: auto}, a {@code local:} model continues the reply
 * prefix: a month on a random checkpoint made by {@code polis model init} (its answers never hold {@code Answer:},
 * so {@code parseFallback: reask} asks every harvest again) sends each second ask as a user message and a trailing
 * assistant message ending in {@code Answer:}, and the runtime counts the prompt as the conversation left open
 * inside that message (ChatML, no end-of-turn token, no new assistant header).
 */
@Timeout(300)
class LocalContinuationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theSecondHarvestAskOfTheOriginalLayoutIsContinuedByTheLocalRuntime() throws IOException {
        Path arch = Files.writeString(temp.resolve("arch.json"), """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 8192,
                 "tie_word_embeddings": true, "seed": 11, "init_std": 0.5}
                """);
        Path model = temp.resolve("model");
        CliRuns.polisOk("model", "init", "--arch", arch.toString(), model.toString());
        Path out = temp.resolve("out");
        CliRuns.polisOk("govsim", "--model", "local:" + model, "-s", "fishery", "--seeds", "1", "--months", "1", "-j", "1",
                "-o", out.toString(), "--agent-setting", "rateImportance=false", "--agent-setting", "maxTokens=16",
                "--agent-setting", "layout=original", "--agent-setting", "parseFallback=reask");
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        List<JsonNode> reasks = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("calls.jsonl"))) {
            JsonNode call = line.isBlank() ? null : JSON.readTree(line);
            if (call != null && "harvest_reask".equals(call.path("request").path("metadata").path("phase").asText())) {
                reasks.add(call);
            }
        }
        assertThat(reasks).hasSize(5);
        try (PolisTokenizer tokenizer = Tokenizers.load(model)) {
            for (JsonNode call : reasks) {
                JsonNode messages = call.path("request").path("messages");
                assertThat(messages).hasSize(2);
                assertThat(messages.get(0).path("role").asText()).isEqualToIgnoringCase("user");
                assertThat(messages.get(1).path("role").asText()).isEqualToIgnoringCase("assistant");
                String prefill = messages.get(1).path("content").asText();
                assertThat(prefill.strip()).endsWith("Answer:");
                String open = "<|im_start|>user\n" + messages.get(0).path("content").asText()
                        + "<|im_end|>\n<|im_start|>assistant\n" + prefill.strip();
                assertThat(call.path("response").path("usage").path("promptTokens").asInt()).as(call.toString())
                        .isEqualTo(tokenizer.encode(open).length);
            }
        }
    }
}
