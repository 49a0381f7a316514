package dev.polis.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ModelSpec;
import org.junit.jupiter.api.Test;

class SpecRedactionTest {

    @Test
    void removesUserInfoSecretQueryValuesAndSecretOptions() {
        ModelSpec spec = new ModelSpec("openai", "https://me:pw@host:8443/v1?key=s3cret&region=eu", "gpt",
                Map.of("apiKey", "s3cret", "apiKeyEnv", "MY_KEY", "timeout", 30,
                        "headers", Map.of("x-api-key", "s3cret", "x-team", "blue"),
                        "list", List.of(Map.of("token", "s3cret"))));
        ModelSpec clean = SpecRedaction.redact(spec);
        assertThat(clean.toString()).isEqualTo("openai:https://host:8443/v1?key=***&region=eu#gpt");
        assertThat(clean.options().toString()).doesNotContain("s3cret").contains("MY_KEY", "blue", "timeout=30");
    }

    @Test
    void leavesPlainSpecsAlone() {
        assertThat(SpecRedaction.redact(ModelSpec.parse("openai:http://127.0.0.1:11434/v1#qwen2.5:7b")).toString())
                .isEqualTo("openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
        assertThat(SpecRedaction.redact(ModelSpec.parse("replay:runs/r1/calls.jsonl")).toString())
                .isEqualTo("replay:runs/r1/calls.jsonl");
    }
}
