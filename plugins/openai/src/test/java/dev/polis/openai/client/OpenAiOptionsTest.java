package dev.polis.openai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ModelSpec;
import org.junit.jupiter.api.Test;

class OpenAiOptionsTest {

    @Test
    void readsTheSpecString() {
        EndpointOptions options = OpenAiOptions.from(ModelSpec.parse("openai:http://127.0.0.1:11434/v1/#qwen2.5:7b"))
                .endpoint();
        assertThat(options.baseUrl()).hasToString("http://127.0.0.1:11434/v1");
        assertThat(options.model()).isEqualTo("qwen2.5:7b");
        assertThat(options.retry().maxAttempts()).isEqualTo(4);
        assertThat(options.apiKeyEnv()).isNull();
    }

    @Test
    void readsAConfigurationBlock() {
        EndpointOptions options = OpenAiOptions.from(new ModelSpec("openai", "", "", Map.of(
                "baseUrl", "http://127.0.0.1:8000/v1", "model", "Qwen/Qwen2.5-7B-Instruct", "apiKeyEnv", "VLLM_KEY",
                "connectTimeout", 3, "readTimeout", "90s", "maxRetries", 5, "maxConcurrency", 4,
                "headers", Map.of("X-Team", "blue")))).endpoint();
        assertThat(options.label()).isEqualTo("http://127.0.0.1:8000/v1 (model Qwen/Qwen2.5-7B-Instruct)");
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.retry().maxRetries()).isEqualTo(5);
        assertThat(options.maxConcurrency()).isEqualTo(4);
        assertThat(options.headers()).containsEntry("X-Team", "blue");
    }

    @Test
    void explainsMistakes() {
        assertThatThrownBy(() -> OpenAiOptions.from(ModelSpec.parse("openai:http://127.0.0.1:11434/v1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no model named");
        assertThatThrownBy(() -> OpenAiOptions.from(ModelSpec.parse("openai:127.0.0.1:11434#m")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an http:// or https:// URL");
        assertThatThrownBy(() -> OpenAiOptions.from(new ModelSpec("openai", "http://h/v1", "m", Map.of("timeout", 3))))
                .hasMessageContaining("unknown option 'timeout'").hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> OpenAiOptions.from(new ModelSpec("openai", "http://h/v1", "m",
                Map.of("readTimeout", "soon")))).hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void chatAndEmbeddingModelsEachAcceptOnlyTheirOwnExtraOptions() {
        ModelSpec embedder = new ModelSpec("openai", "http://h/v1", "mxbai", Map.of("queryPrefix", "q: ",
                "maxRetries", 1));
        assertThat(EmbeddingOptions.from(embedder).queryPrefix()).isEqualTo("q: ");
        assertThat(EmbeddingOptions.from(embedder).endpoint().retry().maxRetries()).isEqualTo(1);
        assertThatThrownBy(() -> OpenAiOptions.from(embedder))
                .hasMessageContaining("unknown option 'queryPrefix'").hasMessageContaining("developerRole");
        assertThatThrownBy(() -> EmbeddingOptions.from(new ModelSpec("openai", "http://h/v1", "m",
                Map.of("streamUsage", false)))).hasMessageContaining("unknown option 'streamUsage'")
                .hasMessageContaining("queryPrefix");
        assertThatThrownBy(() -> EmbeddingOptions.from(new ModelSpec("openai", "http://h/v1", "m",
                Map.of("api_key", "sk-1")))).hasMessageContaining("apiKeyEnv").hasMessageNotContaining("sk-1");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndACap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMinutes(1));
        assertThat(policy.backoff(1, () -> 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.backoff(1, () -> 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(10, () -> 0.0)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("3", clock)).hasValue(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Wed, 01 Jan 2025 00:00:07 GMT", clock)).hasValue(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Tue, 31 Dec 2024 23:00:00 GMT", clock)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    }
}
