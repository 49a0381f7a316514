package dev.polis.openai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import dev.polis.api.chat.ModelSpec;
import org.junit.jupiter.api.Test;

class SpecTextTest {

    @Test
    void showsProviderLocationAndModelWithoutOptions() {
        ModelSpec spec = new ModelSpec("openai", "http://127.0.0.1:11434/v1", "qwen2.5:7b",
                Map.of("headers", Map.of("Authorization", "Bearer sk-1"), "apiKeyEnv", "KEY"));
        assertThat(SpecText.shown(spec)).isEqualTo("openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
    }

    @Test
    void dropsUserInformationFromUrls() {
        assertThat(SpecText.location("https://bob:secret@api.example.com:8443/v1"))
                .isEqualTo("https://api.example.com:8443/v1");
        assertThat(SpecText.location("http://token@host")).isEqualTo("http://host");
    }

    @Test
    void masksSecretQueryValuesButKeepsOthersAndVariableNames() {
        assertThat(SpecText.location("https://host/v1?api_key=s1&region=eu&keyEnv=K&&sig"))
                .isEqualTo("https://host/v1?api_key=***&region=eu&keyEnv=K&&sig");
    }

    @Test
    void leavesLocationsThatAreNoUrlsAsTheyAre() {
        assertThat(SpecText.location("runs/r1/calls.jsonl")).isEqualTo("runs/r1/calls.jsonl");
        assertThat(SpecText.shown(ModelSpec.parse("replay:runs/r1/calls.jsonl"))).isEqualTo("replay:runs/r1/calls.jsonl");
        assertThat(SpecText.shown(ModelSpec.parse("local:user@models/tiny"))).isEqualTo("local:user@models/tiny");
    }
}
